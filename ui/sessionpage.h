#pragma once

#include "log/capturefile.h"
#include "log/transcript.h"
#include "net/session.h"

#include <QWidget>

class AutoResponder;
class CaptureControl;
class LogPanel;
class QCheckBox;
class QLabel;
class QSettings;
class QSplitter;
class QToolButton;
class ReceiveOptions;
class SendPanel;
class SequencePanel;
class SessionRecorder;
class TabModel;
struct TabPreset;

// One tab: a view of a TabModel (its session, transcript, recorder, auto-reply, capture). The base shows what every
// kind of tab shares: the receive log, the send box under it and the receive row above the log (framing,
// auto-reply, capture to file). A subclass per kind of tab adds the controls that open its session (connect,
// listen, bind) and what it shows of the peers; it knows its session only through Session and its abilities.
class SessionPage : public QWidget
{
    Q_OBJECT
public:
    // Takes the model as its child.
    explicit SessionPage(TabModel *model, QWidget *parent = nullptr);
    ~SessionPage() override;

    TabModel *model() const { return m_model; }
    Session *session() const;
    Transcript *transcript();
    LogPanel *logPanel() const { return m_log; }
    SendPanel *sendPanel() const { return m_send; }
    SessionRecorder *recorder() const;
    AutoResponder *autoResponder() const;
    ReceiveOptions *receiveOptions() const { return m_framing; }
    CaptureControl *captureControl() const { return m_capture; }
    // Send-and-expect checks over this tab's session and framing, beside the log (hidden until asked for).
    SequencePanel *sequencePanel() const { return m_sequences; }

    // The kind of tab (a TabKinds id) and what it does, for the tab's title: "Client 192.168.1.5:502".
    virtual QByteArray kind() const = 0;
    virtual QString title() const = 0;

    // Everything of this tab under the settings' current group: the page's own fields, then log, send box and
    // receive options (QSettings values read back field by field, so a bad value only loses itself).
    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

    // What the command line asks of this tab: its target, and whether to open at once (checked when the command
    // line was read).
    virtual void applyPreset(const TabPreset &preset) = 0;
    // Connect / listen / bind with what the controls say, or close when open.
    virtual void toggleSession() = 0;

    // Capture to file (also for the command line's --capture FILE): false when the file cannot be opened, with the
    // reason in captureError().
    bool startCapture(const QString &path, CaptureFile::Format format = CaptureFile::Format::Text, bool append = false);
    void stopCapture();
    bool isCapturing() const;
    QString captureError() const;

public Q_SLOTS:
    void editAutoReplyRules(); // opens the rules dialog (window-modal, not blocking the sockets)

Q_SIGNALS:
    void titleChanged();

protected:
    // Puts the log and the send box into the page's splitters (the same one for a page without a peer table).
    void attach(QSplitter *logSplitter, QSplitter *sendSplitter);
    virtual void saveOwnSettings(QSettings &settings) const = 0;
    virtual void restoreOwnSettings(const QSettings &settings) = 0;
    // The peer a sequence run talks to (0: the only one, or the remote target); asked when a run starts. A page
    // with a peer table calls sequencePeerChanged() when its selection changes.
    virtual PeerId sequencePeer() const { return 0; }
    void sequencePeerChanged();
    // An input problem under the connection row: shown with its reason, hidden when text is empty.
    static void showProblem(QLabel *label, const QString &text);
    static void showState(QLabel *label, const QString &text, bool isError);

private:
    QWidget *createReceiveRow();
    void updateAutoReplyControls();

    TabModel *m_model;
    LogPanel *m_log = nullptr;
    SendPanel *m_send = nullptr;
    ReceiveOptions *m_framing = nullptr;
    CaptureControl *m_capture = nullptr;
    QCheckBox *m_autoReplyToggle = nullptr;
    QToolButton *m_autoReplyRules = nullptr;
    SequencePanel *m_sequences = nullptr;
    QToolButton *m_sequencesToggle = nullptr;
};
