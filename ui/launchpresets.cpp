#include "launchpresets.h"

#include "clientpage.h"
#include "commandline.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "sendpanel.h"
#include "serverpage.h"

#include <QTabWidget>

namespace {

void applyFormat(SessionPage *page, const LaunchOptions &options)
{
    if (options.encoding.isEmpty() && !options.hex)
        return;
    RenderOptions log = page->logPanel()->options();
    Payload::Spec spec = page->sendPanel()->spec();
    if (!options.encoding.isEmpty()) {
        log.encoding = options.encoding;
        spec.encoding = options.encoding;
    }
    if (options.hex) {
        log.view = RenderOptions::View::Hex;
        spec.mode = Payload::Mode::Hex;
    }
    page->logPanel()->setOptions(log);
    page->sendPanel()->setSpec(spec);
}

} // namespace

QString applyLaunchOptions(MainWindow &window, const LaunchOptions &options)
{
    // Both tabs: a device usually speaks one encoding, whichever side of the connection NetAssist plays.
    applyFormat(window.clientPage(), options);
    applyFormat(window.serverPage(), options);

    if (options.hasServer)
        window.serverPage()->setListenAddress(options.serverAddress, options.serverPort);
    if (options.hasClient)
        window.clientPage()->setTarget(options.clientHost, options.clientPort);
    if (options.tab) {
        window.tabs()->setCurrentWidget(options.tab == LaunchOptions::Tab::Client
                ? static_cast<QWidget *>(window.clientPage())
                : static_cast<QWidget *>(window.serverPage()));
    }
    // Capture before any connection exists, so the file holds the session from its first event.
    if (!options.capturePath.isEmpty()) {
        auto *page = static_cast<SessionPage *>(window.tabs()->currentWidget());
        if (!page->startCapture(options.capturePath))
            return page->captureError();
    }
    // Listen first: the client preset may point at this very server (a self-test loop).
    if (options.listen)
        window.serverPage()->toggleListening();
    if (options.connect)
        window.clientPage()->toggleConnection();
    return {};
}
