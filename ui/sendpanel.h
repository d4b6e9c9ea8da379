#pragma once

#include "bytes/payload.h"

#include <QList>
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

// The send box shared by the TCP client and server pages: what the user types plus the options of a Payload::Spec,
// a live preview of the exact bytes, and the Send button. Every byte that leaves comes from Payload::build, through
// the same Result the preview shows, so the preview and the wire cannot disagree and nothing partial is ever sent.
//
// History: a payload is added to the history when sendRequested is emitted (not after the page has written it):
// the page only emits when a peer is there, and a failed write is reported by the session, not by losing what the
// user typed. Entries are de-duplicated on text + spec, newest first, at most MaxHistory.
class SendPanel : public QWidget
{
    Q_OBJECT
public:
    struct HistoryEntry
    {
        QString text;
        Payload::Spec spec;
    };
    static constexpr int MaxHistory = 50;

    explicit SendPanel(QWidget *parent = nullptr);

    Payload::Spec spec() const;
    // Sets the options without converting the text (unlike switching the mode combo by hand).
    void setSpec(const Payload::Spec &spec);
    QString text() const;
    void setText(const QString &text);
    // The Result of the current text and spec (a pending deferred rebuild is done first).
    const Payload::Result &payload() const;

    bool isPeerAvailable() const { return m_peerAvailable; }
    void setPeerAvailable(bool available);

    QList<HistoryEntry> history() const { return m_history; } // newest first
    void setHistory(const QList<HistoryEntry> &entries); // e.g. restored from settings
    void recallHistory(int index); // restores text and spec of entry index (0 = newest)

public Q_SLOTS:
    // Emits sendRequested when the payload is valid and there is a peer; otherwise does nothing.
    void send();

Q_SIGNALS:
    void sendRequested(const QByteArray &bytes);
    void specChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void fillCombos();
    void onTextEdited();
    void onOptionChanged();
    void onModeChanged();
    void onChecksumChanged();
    void scheduleRebuild();
    void ensureBuilt() const;
    void rebuildNow();
    void showResult();
    void updateSendButton();
    void updateErrorColor();
    void addToHistory(const HistoryEntry &entry);
    void refreshHistoryCombo();
    void walkHistory(int step);
    void applyEntry(const HistoryEntry &entry);
    QString summary(const HistoryEntry &entry) const;
    static QString checksumName(Checksum::Algorithm algorithm);
    static QString lineEndingName(Payload::LineEnding ending);

    QPlainTextEdit *m_editor = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_encoding = nullptr;
    QCheckBox *m_escapes = nullptr;
    QComboBox *m_lineEnding = nullptr;
    QComboBox *m_checksum = nullptr;
    QComboBox *m_checksumOrder = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_byteCount = nullptr;
    QLabel *m_error = nullptr;
    QComboBox *m_historyCombo = nullptr;
    QPushButton *m_sendButton = nullptr;
    QTimer *m_rebuildTimer = nullptr;

    // payload() is const but must never hand out a stale Result, so the deferred rebuild can run from it.
    mutable Payload::Result m_result;
    mutable bool m_dirty = true;
    QString m_errorText;
    Payload::Mode m_shownMode = Payload::Mode::Text; // the mode the editor's text is written in
    bool m_peerAvailable = false;
    bool m_applying = false; // our own edits must not end a history walk
    QList<HistoryEntry> m_history;
    int m_historyPos = -1; // -1: the user's own draft, not a history entry
    HistoryEntry m_draft;
};
