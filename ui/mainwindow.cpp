#include "mainwindow.h"

#include "captureopener.h"
#include "capturepage.h"
#include "filedialogs.h"
#include "language.h"
#include "sessionpage.h"
#include "sessiontabs.h"
#include "tabkinds.h"
#include "windowsettings.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>

MainWindow::MainWindow(QWidget *parent, bool withDefaultTabs)
    : QMainWindow(parent)
    , m_tabs(new SessionTabs(this))
{
    setWindowTitle(tr("NetAssist \u2014 network debugging assistant"));
    if (withDefaultTabs)
        m_tabs->resetToDefaults();
    setCentralWidget(m_tabs);
    createMenus();
    resize(1200, 760);
}

QList<SessionPage *> MainWindow::pages() const
{
    return m_tabs->pages();
}

SessionPage *MainWindow::firstPage(const QByteArray &kind) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->kindAt(i) == kind)
            return m_tabs->page(i);
    }
    return nullptr;
}

SessionPage *MainWindow::newTab(const QByteArray &kind)
{
    SessionPage *page = m_tabs->addPage(kind);
    if (page)
        m_tabs->setCurrentWidget(page);
    return page;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    for (const TabKinds::Kind &kind : TabKinds::all()) {
        QAction *action = file->addAction(kind.menuText, this, [this, id = kind.id] { newTab(id); });
        action->setObjectName(QStringLiteral("actionNew_") + QString::fromLatin1(kind.id));
    }
    QAction *again = file->addAction(tr("New &Tab of This Kind"), this, [this] {
        const QByteArray current = m_tabs->kindAt(m_tabs->currentIndex());
        newTab(current.isEmpty() ? TabKinds::all().constFirst().id : current);
    });
    again->setShortcuts(QKeySequence::AddTab);
    again->setObjectName(QStringLiteral("actionNewTab"));
    QAction *close = file->addAction(tr("&Close Tab"), this, [this] { m_tabs->requestClose(m_tabs->currentIndex()); });
    // Every binding of the platform (Ctrl+W and Ctrl+F4 on Linux), not only the first.
    close->setShortcuts(QKeySequence::Close);
    close->setObjectName(QStringLiteral("actionCloseTab"));
    file->addSeparator();
    QAction *capture = file->addAction(tr("Open &Capture\u2026"), this, &MainWindow::chooseCapture);
    capture->setShortcut(QKeySequence::Open);
    capture->setObjectName(QStringLiteral("actionOpenCapture"));
    capture->setToolTip(tr("Read a pcap or pcapng file (tcpdump, Wireshark, NetAssist) and show its conversations"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    createLanguageMenu(view);
    view->addSeparator();
    QAction *defaults = view->addAction(tr("&Restore Defaults"), this, &MainWindow::restoreDefaults);
    defaults->setObjectName(QStringLiteral("actionRestoreDefaults"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About NetAssist"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
}

void MainWindow::chooseCapture()
{
    FileDialogs::open(this, tr("Open Capture"), {tr("Captures (*.pcap *.pcapng *.cap *.dmp)"), tr("All files (*)")},
        "openCaptureDialog", [this](const QString &path, const QString &) { openCapture(path); });
}

CaptureOpener *MainWindow::openCapture(const QString &path)
{
    auto *opener = new CaptureOpener(this);
    connect(opener, &CaptureOpener::pageReady, this, [this](CapturePage *page) {
        m_tabs->addReadOnlyTab(page);
        m_tabs->setCurrentWidget(page);
    });
    opener->open(path);
    return opener;
}

void MainWindow::createLanguageMenu(QMenu *view)
{
    QMenu *menu = view->addMenu(tr("&Language"));
    menu->setObjectName(QStringLiteral("menuLanguage"));
    auto *group = new QActionGroup(menu);
    const QString current = Language::configured(QSettings());
    const QStringList names
        = {tr("System default"), QStringLiteral("English"), QStringLiteral("\u7b80\u4f53\u4e2d\u6587")};
    const QStringList choices = Language::choices();
    for (int i = 0; i < choices.size(); ++i) {
        QAction *action = menu->addAction(names.at(i));
        action->setCheckable(true);
        action->setChecked(choices.at(i) == current);
        action->setObjectName(
            QStringLiteral("actionLanguage_") + (choices.at(i).isEmpty() ? QStringLiteral("system") : choices.at(i)));
        group->addAction(action);
        const QString choice = choices.at(i);
        connect(action, &QAction::triggered, this, [this, choice] {
            QSettings settings;
            Language::setConfigured(settings, choice);
            QMessageBox::information(
                this, tr("Language"), tr("The new language is used from the next start of NetAssist."));
        });
    }
}

void MainWindow::loadSettings()
{
    QSettings settings;
    WindowSettings::restore(*this, settings);
    m_persistent = true;
}

void MainWindow::restoreDefaults()
{
    QSettings settings;
    const QString language = Language::configured(settings);
    settings.clear();
    Language::setConfigured(settings, language); // the language has its own menu; defaults are about the work
    WindowSettings::restore(*this, settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_persistent) {
        QSettings settings;
        WindowSettings::save(*this, settings);
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About NetAssist"),
        tr("<h3>NetAssist %1</h3>"
           "<p>A network debugging assistant: TCP client and server, UDP, text and hex, "
           "many encodings, a log that keeps up with any device.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>"
           "<p>Licensed under the GNU General Public License v3 or later.</p>")
            .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                QString::fromLatin1(qVersion())));
}
