#include "logpanel.h"

#include "errortext.h"
#include "filedialogs.h"
#include "log/capturefile.h"
#include "log/transcript.h"
#include "logsearchbar.h"
#include "logview.h"
#include "relaytext.h"
#include "session/pcaprecordwriter.h"
#include "text/codecs.h"
#include "widgetnames.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

LogPanel::LogPanel(Transcript *transcript, QWidget *parent)
    : QWidget(parent)
    , m_transcript(transcript)
    , m_view(new LogView(transcript, this))
{
    buildUi();
    m_view->setLabels(labels());
    setTabEncoding(m_view->options().encoding);
    syncControls(m_view->options());

    // The counters change on every read; a label re-laid out per read would cost more than the read itself.
    m_counterTimer.setSingleShot(true);
    m_counterTimer.setInterval(CounterIntervalMs);
    connect(&m_counterTimer, &QTimer::timeout, this, &LogPanel::updateCounters);
    connect(m_transcript, &Transcript::countersChanged, this, &LogPanel::scheduleCounters);
    connect(m_transcript, &Transcript::droppedFront, this, &LogPanel::scheduleCounters);
    connect(m_transcript, &Transcript::cleared, this, &LogPanel::updateCounters);
    updateCounters();
}

void LogPanel::buildUi()
{
    m_viewMode = named(new QComboBox, "logViewMode", tr("Log view"), tr("Show received data as text or as a hex dump"));
    m_viewMode->addItem(tr("Text"), int(RenderOptions::View::Text));
    m_viewMode->addItem(tr("Hex"), int(RenderOptions::View::Hex));

    m_encoding = named(new QComboBox, "logEncoding", tr("Log encoding"),
        tr("Encoding used to show text; changing it re-renders the whole log. By default the send box's."));
    // The first item follows the send box; its data is empty.
    m_encoding->addItem(QString(), QByteArray());
    for (const QByteArray &name : Codecs::available())
        m_encoding->addItem(QString::fromLatin1(name), name);
    m_encodingNote = valueLabel(new QLabel, "logEncodingNote", tr("Log encoding differs"),
        tr("The log shows another encoding than the send box writes in: choose the first entry to follow it again"));
    m_encodingNote->hide();

    m_timestamps
        = named(new QCheckBox(tr("Time")), "logTimestamps", tr("Show timestamps"), tr("Show the time of each record"));
    m_showPeer = named(
        new QCheckBox(tr("Peer")), "logShowPeer", tr("Show peer"), tr("Show the remote address of each record"));
    m_showControls = named(new QCheckBox(tr("Controls")), "logShowControls", tr("Show control characters"),
        tr("Show control characters such as CR, LF and TAB as symbols"));
    m_showDelta = named(new QCheckBox(tr("\u0394t")), "logShowDelta", tr("Show time since previous"),
        tr("Show the time since the previous record of the same client and direction, e.g. the gap between frames"));
    m_autoScroll = named(new QCheckBox(tr("Auto-scroll")), "logAutoScroll", tr("Auto-scroll"),
        tr("Follow new data; scrolling up pauses this, scrolling to the bottom resumes it"));

    auto button = [](const QString &text) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setAutoRaise(true);
        return b;
    };
    m_pause = named(button(tr("Pause")), "logPause", tr("Pause display"),
        tr("Freeze the display; data is still recorded and shown on resume"));
    m_pause->setCheckable(true);
    m_clear = named(button(tr("Clear")), "logClear", tr("Clear log"), tr("Forget every record of the log"));
    m_copy = named(
        button(tr("Copy")), "logCopy", tr("Copy"), tr("Copy the selected rows (every row when nothing is selected)"));
    m_find = named(button(tr("Find…")), "logFind", tr("Find"),
        tr("Find text or hex bytes in the log, and filter what it shows (Ctrl+F)"));
    m_save = named(button(tr("Save…")), "logSave", tr("Save log"),
        tr("Save the whole log as a UTF-8 text file, or as a pcap capture for Wireshark"));

    m_counters = valueLabel(new QLabel, "logCounters", tr("Counters"), tr("Bytes and messages received and sent"));
    m_counters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resetCounters = named(
        button(tr("Reset")), "logResetCounters", tr("Reset counters"), tr("Set the RX and TX counters back to zero"));

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->setSpacing(6);
    for (QWidget *w : {static_cast<QWidget *>(m_viewMode), static_cast<QWidget *>(m_encoding),
             static_cast<QWidget *>(m_encodingNote), static_cast<QWidget *>(m_timestamps),
             static_cast<QWidget *>(m_showPeer), static_cast<QWidget *>(m_showControls),
             static_cast<QWidget *>(m_showDelta), static_cast<QWidget *>(m_autoScroll)})
        tools->addWidget(w);
    tools->addStretch(1);

    // The actions sit under the log with the counters, not on the options row: one row holding both was the widest
    // thing in the window, and it squeezed the server's client table beside it into a horizontal scroll.
    // The counters wrap rather than widen the row.
    m_counters->setWordWrap(true);
    auto *status = new QHBoxLayout;
    status->setContentsMargins(0, 0, 0, 0);
    status->addWidget(m_counters, 1);
    for (QToolButton *b : {m_find, m_pause, m_clear, m_copy, m_save})
        status->addWidget(b);
    status->addSpacing(12);
    status->addWidget(m_resetCounters);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(tools);
    layout->addWidget(m_view, 1);
    m_searchBar = new LogSearchBar(m_view, m_transcript, this);
    layout->addWidget(m_searchBar);
    layout->addLayout(status);

    // F3 / Shift+F3 as in most editors; they act once the bar has been opened.
    auto *next = new QShortcut(QKeySequence::FindNext, this, m_searchBar, &LogSearchBar::findNext);
    auto *previous = new QShortcut(QKeySequence::FindPrevious, this, m_searchBar, &LogSearchBar::findPrevious);
    for (QShortcut *shortcut : {next, previous})
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);

    connect(m_viewMode, &QComboBox::currentIndexChanged, this, &LogPanel::applyControls);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &LogPanel::applyControls);
    for (QCheckBox *check : {m_timestamps, m_showPeer, m_showControls, m_showDelta})
        connect(check, &QCheckBox::toggled, this, &LogPanel::applyControls);
    connect(m_autoScroll, &QCheckBox::toggled, m_view, &LogView::setAutoScroll);
    connect(m_view, &LogView::autoScrollChanged, m_autoScroll, [this](bool on) {
        const QSignalBlocker blocker(m_autoScroll);
        m_autoScroll->setChecked(on);
    });
    connect(m_pause, &QToolButton::toggled, m_view, &LogView::setPaused);
    connect(m_clear, &QToolButton::clicked, this, &LogPanel::clearLog);
    connect(m_copy, &QToolButton::clicked, this, [this] {
        if (m_view->hasSelection())
            m_view->copy();
        else
            QGuiApplication::clipboard()->setText(m_view->allText());
    });
    connect(m_save, &QToolButton::clicked, this, &LogPanel::saveAs);
    connect(m_find, &QToolButton::clicked, this, &LogPanel::openSearch);
    connect(m_resetCounters, &QToolButton::clicked, this, [this] {
        m_transcript->resetCounters();
        updateCounters();
    });
}

RenderOptions LogPanel::options() const
{
    return m_view->options();
}

void LogPanel::setOptions(const RenderOptions &options)
{
    if (options.encoding != m_tabEncoding || !m_hasTab)
        m_followTab = false;
    syncControls(options);
    m_view->setOptions(options);
    showEncodingNote();
    Q_EMIT optionsChanged();
}

void LogPanel::withoutTabEncoding()
{
    if (!m_hasTab)
        return;
    m_hasTab = false;
    m_followTab = false;
    {
        const QSignalBlocker blocker(m_encoding);
        m_encoding->removeItem(0);
    }
    m_encoding->setToolTip(tr("Encoding used to show text; changing it re-renders the whole log."));
    syncControls(m_view->options());
    showEncodingNote();
}

void LogPanel::setTabEncoding(const QByteArray &encoding)
{
    if (!m_hasTab)
        return;
    if (encoding == m_tabEncoding && !m_followTab)
        return;
    m_tabEncoding = encoding;
    m_encoding->setItemText(0, tr("As the send box (%1)").arg(QString::fromLatin1(encoding)));
    if (m_followTab && m_view->options().encoding != encoding) {
        RenderOptions options = m_view->options();
        options.encoding = encoding;
        syncControls(options);
        m_view->setOptions(options);
        Q_EMIT optionsChanged();
    }
    showEncodingNote();
}

void LogPanel::setFollowsTabEncoding(bool follow)
{
    m_followTab = follow && m_hasTab;
    if (follow) {
        RenderOptions options = m_view->options();
        options.encoding = m_tabEncoding;
        syncControls(options);
        m_view->setOptions(options);
        Q_EMIT optionsChanged();
    }
    showEncodingNote();
}

void LogPanel::showEncodingNote()
{
    const QByteArray shown = m_view->options().encoding;
    const bool differs = m_hasTab && !m_followTab && shown != m_tabEncoding;
    m_encodingNote->setText(differs ? tr("\u2260 send box (%1)").arg(QString::fromLatin1(m_tabEncoding)) : QString());
    m_encodingNote->setVisible(differs);
}

void LogPanel::addToolRow(QWidget *row)
{
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->insertWidget(m_toolRows++, row);
}

void LogPanel::openSearch()
{
    m_searchBar->openBar();
}

void LogPanel::syncControls(const RenderOptions &options)
{
    const QSignalBlocker b1(m_viewMode), b2(m_encoding), b3(m_timestamps), b4(m_showPeer), b5(m_showControls),
        b6(m_autoScroll), b7(m_showDelta);
    m_viewMode->setCurrentIndex(m_viewMode->findData(int(options.view)));
    int encoding = m_followTab ? 0 : m_encoding->findData(options.encoding);
    if (encoding < 0) {
        // Not offered on this Qt, yet it is what the renderer uses: show it rather than a wrong name.
        m_encoding->addItem(QString::fromLatin1(options.encoding), options.encoding);
        encoding = m_encoding->count() - 1;
    }
    m_encoding->setCurrentIndex(encoding);
    m_timestamps->setChecked(options.timestamps);
    m_showPeer->setChecked(options.showPeer);
    m_showControls->setChecked(options.visibleControls);
    m_showDelta->setChecked(options.showDelta);
    m_autoScroll->setChecked(m_view->autoScroll());
}

void LogPanel::applyControls()
{
    RenderOptions options = m_view->options(); // keeps the filters, which have no control here
    options.view = RenderOptions::View(m_viewMode->currentData().toInt());
    const QByteArray chosen = m_encoding->currentData().toByteArray();
    m_followTab = m_hasTab && chosen.isEmpty();
    options.encoding = m_followTab ? m_tabEncoding : chosen;
    options.timestamps = m_timestamps->isChecked();
    options.showPeer = m_showPeer->isChecked();
    options.visibleControls = m_showControls->isChecked();
    options.showDelta = m_showDelta->isChecked();
    m_view->setOptions(options);
    showEncodingNote();
    Q_EMIT optionsChanged();
}

RenderLabels LogPanel::labels() const
{
    RenderLabels labels;
    labels.rx = tr("RX");
    labels.tx = tr("TX");
    labels.fromTarget = tr("← target"); // a relay's pair: what its target sent
    labels.toTarget = tr("→ target"); // a relay's pair: injected towards its target
    labels.unverified = tr("(unverified)");
    labels.eventText = [this](const Record &record) { return eventText(record); };
    labels.delta = [](qint64 ms) { return tr("+%1 ms").arg(ms); };
    // "(1 byte)" / "(2 bytes)" come from the plural-only English translation (translations/netassist_en.ts).
    labels.byteCount
        = [](qsizetype bytes) { return tr("(%n byte(s))", nullptr, int(std::min<qsizetype>(bytes, INT_MAX))); };
    return labels;
}

QString LogPanel::eventText(const Record &record) const
{
    const QString peer = m_transcript->peerName(record.peer);
    const QString detail = QString::fromUtf8(record.data);
    switch (record.event) {
    case EventKind::Connecting:
        return tr("Connecting to %1…").arg(peer);
    case EventKind::Connected:
        return tr("Connected: %1").arg(peer);
    case EventKind::Disconnected:
        return tr("Disconnected: %1").arg(peer);
    case EventKind::Listening:
        return tr("Listening on %1").arg(peer);
    case EventKind::Stopped:
        return peer.isEmpty() ? tr("Stopped listening") : tr("Stopped listening on %1").arg(peer);
    case EventKind::Error: {
        // An error written by hand (not by a session) has no kind: its detail is the whole message.
        const QString words
            = record.error == SessionError::Kind::None ? detail : ErrorText::session(record.error, detail);
        return peer.isEmpty() ? tr("Error: %1").arg(words) : tr("Error: %1 (%2)").arg(words, peer);
    }
    case EventKind::Refused:
        return tr("Refused %1: too many clients").arg(peer);
    case EventKind::Bound:
        return tr("Bound to %1").arg(peer);
    case EventKind::Unbound:
        return tr("Unbound from %1").arg(peer);
    case EventKind::Joined:
        return detail.isEmpty() ? tr("Joined multicast group %1").arg(peer)
                                : tr("Joined multicast group %1 on %2").arg(peer, detail);
    case EventKind::Left:
        return detail.isEmpty() ? tr("Left multicast group %1").arg(peer)
                                : tr("Left multicast group %1 on %2").arg(peer, detail);
    case EventKind::NewPeer:
        return tr("New peer: %1").arg(peer);
    case EventKind::PeerGone:
        return tr("Peer left the table: %1").arg(peer);
    case EventKind::CaptureFailed:
        return tr("Capture to %1 stopped: %2").arg(QDir::toNativeSeparators(peer), detail);
    case EventKind::Secured:
        return tr("TLS established with %1: %2").arg(peer, detail);
    case EventKind::RelayUpstream:
        return record.flags & Record::Datagram
            ? tr("Forwarding to target %1 from %2").arg(detail, m_transcript->peerName(record.local))
            : tr("Connected to target %1 from %2").arg(detail, m_transcript->peerName(record.local));
    case EventKind::RelayFault: {
        const std::optional<RelayControl::FaultEvent> event = RelayControl::FaultEvent::decode(record.data);
        if (!event)
            return detail; // written by a later version
        return RelayText::event(
            record.flags & Record::TargetSide ? RelayControl::Side::Target : RelayControl::Side::Client, *event);
    }
    case EventKind::RelayEnded:
        return record.flags & Record::TargetSide ? tr("The target ended its stream (FIN), passed on to %1").arg(peer)
                                                 : tr("%1 ended its stream (FIN), passed on to the target").arg(peer);
    case EventKind::Note:
    case EventKind::None:
        break;
    }
    return detail;
}

void LogPanel::clearLog()
{
    m_transcript->clear();
}

QString LogPanel::saveText(const QString &fileName) const
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    if (!m_view->writeAllText(&file)) {
        const QString error = file.errorString();
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return file.errorString();
    return {};
}

QString LogPanel::savePcap(const QString &fileName) const
{
    PcapRecordWriter writer;
    if (!writer.open(fileName, false) || !writer.writeAll(*m_transcript))
        return writer.errorString();
    writer.close();
    return {};
}

void LogPanel::saveAs()
{
    // The format follows the type chosen, or a ".pcap" name typed under another type.
    const QString pcap = tr("pcap for Wireshark (*.pcap)");
    FileDialogs::save(this, tr("Save log"), {tr("Text files (*.txt)"), pcap, tr("All files (*)")}, "logSaveDialog",
        [this, pcap](const QString &fileName, const QString &filter) {
            const bool asPcap = filter == pcap
                || CaptureFile::forFileName(fileName, CaptureFile::Format::Text) == CaptureFile::Format::Pcap;
            const QString error = asPcap ? savePcap(fileName) : saveText(fileName);
            if (error.isEmpty())
                return;
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Save log"),
                tr("Could not save %1:\n%2").arg(QDir::toNativeSeparators(fileName), error), QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("logSaveError"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
}

void LogPanel::scheduleCounters()
{
    if (!m_counterTimer.isActive())
        m_counterTimer.start();
}

void LogPanel::updateCounters()
{
    m_counterTimer.stop();
    const QLocale locale;
    const Transcript::Counters c = m_transcript->counters();
    QString text = tr("RX %1 B (%2 msgs)  TX %3 B (%4 msgs)")
                       .arg(locale.toString(c.rxBytes), locale.toString(c.rxMessages), locale.toString(c.txBytes),
                           locale.toString(c.txMessages));
    if (m_transcript->droppedRecords() > 0)
        text += tr(", %1 old records dropped").arg(locale.toString(m_transcript->droppedRecords()));
    m_counters->setText(text);
}
