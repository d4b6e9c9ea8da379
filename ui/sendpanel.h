#pragma once

#include "bytes/payload.h"
#include "bytes/quickcommand.h"
#include "filesendcontrol.h"
#include "sendhistory.h"

#include <QList>
#include <QString>
#include <QWidget>

class PayloadOptionsBar;
class PayloadPreview;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QToolButton;
class QuickCommandsPanel;
class QuickCommandStore;
class TimedSend;

// The send box shared by the TCP client and server pages: what the user types plus the options of a Payload::Spec,
// a live preview of the exact bytes, and the Send button. Every byte that leaves comes from Payload::build, through
// the same Result the preview shows, so the preview and the wire cannot disagree and nothing partial is ever sent.
// Around it: timed send (the current payload every N ms, through sendRequested like Send), quick commands (named
// payloads, also through sendRequested) and Send file (streamed by a FileSender straight to the session).
//
// History: a payload is added to the history when sendRequested is emitted (not after the page has written it):
// the page only emits when a peer is there, and a failed write is reported by the session, not by losing what the
// user typed. Timed send adds its payload once, when it starts; quick commands are not added.
class SendPanel : public QWidget
{
    Q_OBJECT
public:
    using HistoryEntry = SendHistory::Entry;
    static constexpr int MaxHistory = SendHistory::MaxEntries;

    explicit SendPanel(QWidget *parent = nullptr);

    Payload::Spec spec() const;
    // Sets the options without converting the text (unlike switching the mode combo by hand).
    void setSpec(const Payload::Spec &spec);
    QString text() const;
    void setText(const QString &text);
    // The Result of the current text and spec (a pending deferred rebuild is done first).
    const Payload::Result &payload() const;

    bool isPeerAvailable() const { return m_peerAvailable; }
    // Also stops a running timed send at once (timedSendStopped says so): a lost peer must not wait for the tick.
    void setPeerAvailable(bool available);

    QList<HistoryEntry> history() const { return m_history.entries(); } // newest first
    void setHistory(const QList<HistoryEntry> &entries) { m_history.setEntries(entries); } // e.g. from settings
    void recallHistory(int index); // restores text and spec of entry index (0 = newest)

    // Quick commands, for the settings: QuickCommands::toJson(quickCommandList()) is the file format.
    QList<QuickCommand> quickCommandList() const;
    void setQuickCommands(const QList<QuickCommand> &commands);
    bool isQuickCommandsVisible() const;
    void setQuickCommandsVisible(bool visible);
    // The list every tab shares (the window's); the panel shows either it or the tab's own.
    void setSharedQuickCommands(QuickCommandStore *shared);
    bool showsSharedQuickCommands() const;
    void setShowsSharedQuickCommands(bool shared);

    // A datagram's limits for the current destination (PayloadPreview::setSizeLimit): a payload over maxBytes is
    // refused like an invalid one. 0: no limit.
    void setSizeLimit(qsizetype maxBytes, qsizetype noteAbove = 0);

    // Send file needs the session: the page calls this once. targets() is asked when a transfer starts; without it
    // (or when it returns an empty list) the file goes to every peer of the session.
    void setFileTarget(Session *session, FileSendControl::TargetsFunction targets = {});

    TimedSend *timedSend() const { return m_timed; }
    QuickCommandsPanel *quickCommands() const { return m_quick; }
    FileSendControl *fileSend() const { return m_file; }

public Q_SLOTS:
    // Emits sendRequested when the payload is valid and there is a peer; otherwise does nothing.
    void send();

Q_SIGNALS:
    void sendRequested(const QByteArray &bytes);
    void specChanged();
    void quickCommandsChanged();
    // A sentence for the session log when timed send ends, whatever the reason ("Timed send stopped: 12 sent;
    // not connected").
    void timedSendStopped(const QString &reason);
    // Other sentences for the session log: timed send started, file send started / ended.
    void logNote(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void connectParts();
    void onTextEdited();
    void onOptionChanged();
    void onModeChanged();
    void onTimedTick();
    void scheduleRebuild();
    void ensureBuilt() const;
    void rebuildNow();
    void showResult();
    void updateSendButton();
    // Valid and within the size limit.
    bool sendable() const { return m_result.ok() && m_errorText.isEmpty(); }
    void updatePlaceholder();
    void walkHistory(int step);
    void applyEntry(const HistoryEntry &entry);

    PayloadOptionsBar *m_options = nullptr;
    QToolButton *m_quickToggle = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QuickCommandsPanel *m_quick = nullptr;
    PayloadPreview *m_preview = nullptr;
    QPushButton *m_sendButton = nullptr;
    TimedSend *m_timed = nullptr;
    FileSendControl *m_file = nullptr;
    QTimer *m_rebuildTimer = nullptr;
    SendHistory m_history;

    // payload() is const but must never hand out a stale Result, so the deferred rebuild can run from it.
    mutable Payload::Result m_result;
    mutable bool m_dirty = true;
    QString m_errorText;
    Payload::Mode m_shownMode = Payload::Mode::Text; // the mode the editor's text is written in
    bool m_peerAvailable = false;
    bool m_applying = false; // our own edits must not end a history walk
};
