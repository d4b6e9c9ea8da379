#include "launchpresets.h"

#include "commandline.h"
#include "logpanel.h"
#include "mainwindow.h"
#include "sendpanel.h"
#include "sessionpage.h"
#include "sessiontabs.h"

#include <QSet>

namespace {

void applyFormat(SessionPage *page, const LaunchOptions &options)
{
    if (options.encoding.isEmpty() && !options.hex)
        return;
    Payload::Spec spec = page->sendPanel()->spec();
    if (!options.encoding.isEmpty())
        spec.encoding = options.encoding;
    if (options.hex)
        spec.mode = Payload::Mode::Hex;
    page->sendPanel()->setSpec(spec);
    // The log shows the tab's encoding again, whatever it was set apart to.
    page->logPanel()->setFollowsTabEncoding(true);
    if (options.hex) {
        RenderOptions log = page->logPanel()->options();
        log.view = RenderOptions::View::Hex;
        page->logPanel()->setOptions(log);
    }
}

} // namespace

QString applyLaunchOptions(MainWindow &window, const LaunchOptions &options)
{
    QList<SessionPage *> presetPages;
    QSet<SessionPage *> taken;
    SessionTabs &tabs = *window.tabs();
    for (const TabPreset &preset : options.tabs) {
        SessionPage *page = nullptr;
        // By kind first: a restored tab is built only when a preset takes it.
        for (int i = 0; i < tabs.count() && !page; ++i) {
            SessionPage *built = tabs.builtPage(i);
            if (tabs.kindAt(i) == preset.kind && !(built && taken.contains(built)))
                page = tabs.page(i);
        }
        if (!page)
            page = window.tabs()->addPage(preset.kind);
        if (!page)
            continue; // the parser only makes known kinds
        taken.insert(page);
        presetPages.append(page);
    }
    // A device usually speaks one encoding, whichever side of the connection NetAssist plays.
    for (SessionPage *page : presetPages.isEmpty() ? window.pages() : presetPages)
        applyFormat(page, options);
    if (!presetPages.isEmpty())
        window.tabs()->setCurrentWidget(presetPages.constLast());

    // Capture before any connection exists, so the file holds the session from its first event.
    if (!options.capturePath.isEmpty()) {
        SessionPage *page = window.tabs()->currentPage();
        if (page && !page->startCapture(options.capturePath, CaptureFile::forFileName(options.capturePath)))
            return page->captureError();
    }
    // Listening and bound tabs first: a client preset may point at a server of this very command line.
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype i = 0; i < presetPages.size(); ++i) {
            const bool connects = options.tabs.at(i).kind == "tcp-client" || options.tabs.at(i).kind == "tls-client";
            if (connects == (pass == 1))
                presetPages.at(i)->applyPreset(options.tabs.at(i));
        }
    }
    return {};
}
