#pragma once

#include <QMainWindow>

class ClientPage;
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

private:
    void createMenus();
    void showAbout();

    QTabWidget *m_tabs;
    ClientPage *m_client;
    ServerPage *m_server;
};
