#include "mainwindow.h"

#include "clientpage.h"
#include "serverpage.h"

#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_client(new ClientPage(m_tabs))
    , m_server(new ServerPage(m_tabs))
{
    setWindowTitle(tr("NetAssist \u2014 network debugging assistant"));
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setAccessibleName(tr("Connection type"));
    m_client->setObjectName(QStringLiteral("clientPage"));
    m_server->setObjectName(QStringLiteral("serverPage"));
    m_tabs->addTab(m_client, tr("TCP &Client"));
    m_tabs->addTab(m_server, tr("TCP &Server"));
    setCentralWidget(m_tabs);
    createMenus();
    resize(1000, 720);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About NetAssist"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About NetAssist"),
                       tr("<h3>NetAssist %1</h3>"
                          "<p>A network debugging assistant: TCP client and server, text and hex, "
                          "many encodings, a log that keeps up with any device.</p>"
                          "<p>Built with Qt %2, running on Qt %3.</p>"
                          "<p>Licensed under the GNU General Public License v3 or later.</p>")
                           .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                                QString::fromLatin1(qVersion())));
}
