#pragma once

#include <QMainWindow>

class CaptureOpener;
class QMenu;
class SessionPage;
class SessionTabs;

// The window: menus and the session tabs (one of each kind until the settings say otherwise). Tabs are made from
// TabKinds, so a new transport adds no code here.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // withDefaultTabs false: no tab until loadSettings() restores them (or makes the defaults when there are none),
    // so that start-up does not build tabs only to replace them.
    explicit MainWindow(QWidget *parent = nullptr, bool withDefaultTabs = true);

    SessionTabs *tabs() const { return m_tabs; }
    QList<SessionPage *> pages() const; // builds tabs still waiting to be (see SessionTabs)
    // The first tab of this kind (a TabKinds id), if there is one.
    SessionPage *firstPage(const QByteArray &kind) const;
    // A new tab of kind, made current.
    SessionPage *newTab(const QByteArray &kind);
    // File > Open Capture with this file: lists its streams and flows (see CaptureOpener); each one opened becomes
    // a read-only tab.
    CaptureOpener *openCapture(const QString &path);

    // Restores the user's settings and saves them again on close. Tests construct windows without it, so they never
    // read or write the user's real settings.
    void loadSettings();

public Q_SLOTS:
    void restoreDefaults();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createLanguageMenu(QMenu *view);
    void showAbout();
    void chooseCapture();

    SessionTabs *m_tabs;
    bool m_persistent = false;
};
