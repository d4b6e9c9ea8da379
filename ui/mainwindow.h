#pragma once

#include <QMainWindow>

class ClientPage;
class QMenu;
class QTabWidget;
class ServerPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    ClientPage *clientPage() const { return m_client; }
    ServerPage *serverPage() const { return m_server; }
    QTabWidget *tabs() const { return m_tabs; }

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

    QTabWidget *m_tabs;
    ClientPage *m_client;
    ServerPage *m_server;
    bool m_persistent = false;
};
