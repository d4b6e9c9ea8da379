#pragma once

#include "quickcommandstore.h"

#include <QHash>
#include <QPointer>
#include <QTabWidget>
#include <QTimer>

class QLineEdit;
class SessionPage;

// The window's tabs, one session each, any number of every kind. A tab is named after what it does ("Client
// 192.168.1.5:502", "Server :8000") unless the user renamed it (double-click), shows its state at a glance (an icon;
// the accessible name says it in words) and, while another tab is current, how many RX records arrived unseen.
// Closing a tab whose session is open asks first; closing records what framing still holds and closes the capture
// file, so nothing captured is lost.
class SessionTabs : public QTabWidget
{
    Q_OBJECT
public:
    static constexpr int UnreadIntervalMs = 500;

    explicit SessionTabs(QWidget *parent = nullptr);

    // A new page of kind (a TabKinds id) at the end; nullptr for an unknown kind.
    SessionPage *addPage(const QByteArray &kind);
    QList<SessionPage *> pages() const;
    SessionPage *page(int index) const;
    SessionPage *currentPage() const;

    // Empty: the automatic name (the page's title).
    QString customName(int index) const;
    void setCustomName(int index, const QString &name);
    // Open the session by itself at the next start (the user asked for it on this tab).
    bool openAtStart(int index) const;
    void setOpenAtStart(int index, bool on);
    qint64 unread(int index) const;
    // The quick commands every tab shares.
    QuickCommandStore *sharedQuickCommands() { return &m_sharedQuick; }
    const QuickCommandStore *sharedQuickCommands() const { return &m_sharedQuick; }

    // Asks first when the session is open (a window-modal box; the answer closes the tab or not).
    void requestClose(int index);
    // At once, without asking.
    void closePage(int index);
    void closeAll();
    // One tab of every kind, the first current.
    void resetToDefaults();
    void startRename(int index);

Q_SIGNALS:
    void pagesChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct TabState
    {
        QString customName;
        bool openAtStart = false;
        qint64 seenRx = 0; // RX records when the tab was last current
        qint64 unread = 0;
    };
    void decorate(SessionPage *page);
    void onCurrentChanged(int index);
    void countUnread();
    void showContextMenu(const QPoint &pos);
    void finishRename(bool accept);

    QHash<SessionPage *, TabState> m_state;
    QuickCommandStore m_sharedQuick;
    QTimer m_unreadTimer;
    QPointer<QLineEdit> m_renameEditor;
    QPointer<SessionPage> m_renaming;
};
