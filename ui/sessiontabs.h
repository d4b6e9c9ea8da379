#pragma once

#include "quickcommandstore.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>

class QLineEdit;
class SessionPage;

// The window's tabs, one session each, any number of every kind. A tab is named after what it does ("Client
// 192.168.1.5:502", "Server :8000") unless the user renamed it (double-click), shows its state at a glance (an icon;
// the accessible name says it in words) and, while another tab is current, how many RX records arrived unseen.
// Closing a tab whose session is open asks first; closing records what framing still holds and closes the capture
// file, so nothing captured is lost.
//
// Restored tabs are built when first needed (shown, opened at start, asked for by page()): until then a tab is a
// placeholder that knows its kind, its name and where its settings are, so twenty restored tabs start nearly as fast
// as one.
class SessionTabs : public QTabWidget
{
    Q_OBJECT
public:
    static constexpr int UnreadIntervalMs = 500;

    explicit SessionTabs(QWidget *parent = nullptr);

    // A new page of kind (a TabKinds id) at the end; nullptr for an unknown kind.
    SessionPage *addPage(const QByteArray &kind);
    // A tab of kind whose page is built from settings (group in the file) when it is first needed; title is what
    // its tab says until then. false for an unknown kind.
    bool addDeferred(const QByteArray &kind, const QSettings &settings, const QString &group, const QString &title);
    // A read-only tab that is no session (a flow of a capture file: CapturePage), named after its windowTitle().
    // It is not saved with the tabs: it shows a file that may be gone or changed at the next start, and reading a
    // big capture again at every start would slow the start for a view the user can reopen from File > Open
    // Capture. page() and builtPage() return nullptr for it, kindAt() an empty id.
    void addReadOnlyTab(QWidget *tab);
    bool isReadOnlyTab(int index) const;
    // Building every tab that is still a placeholder; read-only tabs are not in the list.
    QList<SessionPage *> pages();
    // Builds the tab's page if it is still a placeholder.
    SessionPage *page(int index);
    SessionPage *currentPage();
    // Without building: nullptr for a placeholder.
    SessionPage *builtPage(int index) const;
    QByteArray kindAt(int index) const;

    // Where a placeholder's settings are (WindowSettings copies them when it saves).
    struct Deferred
    {
        QByteArray kind;
        QString file;
        QSettings::Format format = QSettings::NativeFormat;
        QString group;
        QString title;
    };
    const Deferred *deferred(int index) const;

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
    void decorate(QWidget *tab);
    SessionPage *build(int index);
    void watch(SessionPage *page);
    void onCurrentChanged(int index);
    void countUnread();
    void showContextMenu(const QPoint &pos);
    void finishRename(bool accept);

    QHash<QWidget *, TabState> m_state; // by the tab's widget: its page, or its placeholder
    QHash<QWidget *, Deferred> m_deferred; // placeholders
    QSet<QWidget *> m_readOnly;
    QuickCommandStore m_sharedQuick;
    QTimer m_unreadTimer;
    QPointer<QLineEdit> m_renameEditor;
    QPointer<SessionPage> m_renaming;
};
