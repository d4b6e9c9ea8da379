#include "capturepage.h"

#include "captureopener.h"
#include "logpanel.h"
#include "net/endpoint.h"
#include "receiveoptions.h"
#include "text/codecs.h"
#include "widgetnames.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QShortcut>
#include <QVBoxLayout>

CapturePage::CapturePage(const QString &file, const FlowSummary &flow, QWidget *parent)
    : QWidget(parent)
    , m_file(file)
    , m_flow(flow)
{
    setObjectName(QStringLiteral("capturePage"));
    setWindowTitle(title()); // SessionTabs names a read-only tab after it
    // The whole flow is read (up to the budget) before it is shown: nothing is dropped behind the user's back.
    m_transcript.setByteBudget(Transcript::DefaultByteBudget * 2);
    m_summary = valueLabel(new QLabel(this), "captureSummary", tr("Capture"), tr("Where this conversation comes from"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_log = new LogPanel(&m_transcript, this);
    m_log->setObjectName(QStringLiteral("captureLog"));
    // No send box to follow: the log shows the system's encoding until the user picks another.
    RenderOptions options = m_log->options();
    options.encoding = Codecs::systemDefault();
    m_log->withoutTabEncoding();
    m_log->setOptions(options);
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("captureFramingRow"));
    m_framing = new ReceiveOptions(row);
    m_framing->setObjectName(QStringLiteral("captureFraming"));
    m_framing->setDatagrams(flow.protocol == FlowProtocol::Udp);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(m_framing);
    rowLayout->addStretch(1);
    m_log->addToolRow(row);
    connect(m_framing, &ReceiveOptions::framingChanged, this, &CapturePage::setFraming);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_log, 1);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, m_log, &LogPanel::openSearch);
}

QString CapturePage::endpointA(const FlowSummary &flow)
{
    return Endpoint::format(flow.addressA, flow.portA);
}

QString CapturePage::endpointB(const FlowSummary &flow)
{
    return Endpoint::format(flow.addressB, flow.portB);
}

QString CapturePage::title() const
{
    return tr("%1 %2 \u21c4 %3")
        .arg(m_flow.protocol == FlowProtocol::Tcp ? tr("TCP") : tr("UDP"), endpointA(m_flow), endpointB(m_flow));
}

void CapturePage::setConversation(std::vector<CaptureTask::Event> events, const CaptureResult &result, bool limited)
{
    m_events = std::move(events);
    m_result = result;
    m_limited = limited;
    rebuild();
    updateSummary();
}

void CapturePage::setFraming(const Framer::Config &config)
{
    if (config == m_config)
        return;
    m_config = config;
    m_framing->setConfig(config);
    rebuild();
}

void CapturePage::rebuild()
{
    m_transcript.clear();
    m_transcript.resetCounters();
    const QString a = endpointA(m_flow);
    const QString b = endpointB(m_flow);
    const bool udp = m_flow.protocol == FlowProtocol::Udp;
    const bool framed = !udp && m_config.mode != Framer::Mode::PerRead;
    Framer framers[2] = {Framer(m_config), Framer(m_config)};
    auto append = [&](FlowDirection d, const QByteArray &bytes, qint64 ms) {
        m_transcript.appendData(
            d == FlowDirection::AToB ? Direction::Tx : Direction::Rx, b, bytes, ms, a, udp ? Record::Datagram : 0);
    };
    auto appendFrames = [&](FlowDirection d, const QList<Framer::Frame> &frames) {
        for (const Framer::Frame &f : frames)
            append(d, f.bytes, f.firstByteMs);
    };
    auto flush = [&](FlowDirection d) {
        const Framer::Frame f = framers[int(d)].flush();
        if (!f.bytes.isEmpty())
            append(d, f.bytes, f.firstByteMs);
    };
    auto sender = [&](FlowDirection d) { return d == FlowDirection::AToB ? a : b; };
    auto receiver = [&](FlowDirection d) { return d == FlowDirection::AToB ? b : a; };
    bool closed[2] = {false, false};
    for (const CaptureTask::Event &e : m_events) {
        const qint64 ms = e.timeUs / 1000;
        if (framed) {
            for (const FlowDirection d : {FlowDirection::AToB, FlowDirection::BToA})
                appendFrames(d, framers[int(d)].expire(ms));
        }
        switch (e.kind) {
        case FlowEvent::Kind::Opened:
            // As a client tab logs it (A is "us"), so that saving this log as pcap has A open the connection again.
            m_transcript.appendEvent(EventKind::Connecting, b, {}, ms);
            m_transcript.appendEvent(EventKind::Connected, b, {}, ms, a);
            break;
        case FlowEvent::Kind::Data:
            if (framed)
                appendFrames(e.direction, framers[int(e.direction)].feed(e.bytes, ms));
            else
                append(e.direction, e.bytes, ms);
            break;
        case FlowEvent::Kind::Gap:
            flush(e.direction);
            m_transcript.appendEvent(EventKind::Note, b,
                tr("%1 \u2192 %2: %n byte(s) missing from the capture", nullptr, int(qMin<qint64>(e.missing, INT_MAX)))
                    .arg(sender(e.direction), receiver(e.direction)),
                ms);
            break;
        case FlowEvent::Kind::Closed:
            flush(e.direction);
            closed[int(e.direction)] = true;
            if (closed[0] && closed[1])
                m_transcript.appendEvent(EventKind::Disconnected, b, {}, ms, a);
            else
                m_transcript.appendEvent(
                    EventKind::Note, b, tr("%1 closed its side (FIN)").arg(sender(e.direction)), ms);
            break;
        case FlowEvent::Kind::Reset:
            flush(FlowDirection::AToB);
            flush(FlowDirection::BToA);
            m_transcript.appendEvent(
                EventKind::Note, b, tr("%1 reset the connection (RST)").arg(sender(e.direction)), ms);
            m_transcript.appendEvent(EventKind::Disconnected, b, {}, ms, a);
            break;
        }
    }
    flush(FlowDirection::AToB);
    flush(FlowDirection::BToA);
}

void CapturePage::updateSummary()
{
    const QLocale locale;
    QString text
        = tr("%1, %2 stream %3: TX is %4 \u2192 %5, RX the other way; %6 packets, %7 bytes on the wire.")
              .arg(QDir::toNativeSeparators(m_file), m_flow.protocol == FlowProtocol::Tcp ? tr("TCP") : tr("UDP"),
                  QString::number(m_flow.streamNumber), endpointA(m_flow), endpointB(m_flow),
                  locale.toString(m_flow.packets()), locale.toString(m_flow.bytes()));
    if (m_limited)
        text += QLatin1Char(' ')
            + tr("Only the first %1 bytes are shown (the log's budget).")
                  .arg(locale.toString(m_transcript.counters().rxBytes + m_transcript.counters().txBytes));
    const QString stop = CaptureOpener::stopText(m_result);
    if (!stop.isEmpty())
        text += QLatin1Char(' ') + stop;
    m_summary->setText(text);
    m_summary->setAccessibleName(text);
}
