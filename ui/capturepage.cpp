#include "capturepage.h"

#include "captureopener.h"
#include "logpanel.h"
#include "net/endpoint.h"
#include "text/codecs.h"
#include "widgetnames.h"

#include <QDir>
#include <QFileInfo>
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
    m_log->setTabEncoding(Codecs::systemDefault());

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
    const QString a = endpointA(m_flow);
    const QString b = endpointB(m_flow);
    const quint8 flags = m_flow.protocol == FlowProtocol::Udp ? Record::Datagram : 0;
    bool closed[2] = {false, false};
    auto sender = [&](FlowDirection d) { return d == FlowDirection::AToB ? a : b; };
    for (CaptureTask::Event &e : events) {
        const qint64 ms = e.timeUs / 1000;
        switch (e.kind) {
        case FlowEvent::Kind::Opened:
            m_transcript.appendEvent(EventKind::Connected, b, {}, ms, a);
            break;
        case FlowEvent::Kind::Data:
            m_transcript.appendData(e.direction == FlowDirection::AToB ? Direction::Tx : Direction::Rx, b,
                std::move(e.bytes), ms, a, flags);
            break;
        case FlowEvent::Kind::Gap:
            m_transcript.appendEvent(EventKind::Note, b,
                tr("%1 → %2: %n byte(s) missing from the capture", nullptr, int(qMin<qint64>(e.missing, INT_MAX)))
                    .arg(sender(e.direction), e.direction == FlowDirection::AToB ? b : a),
                ms);
            break;
        case FlowEvent::Kind::Closed:
            closed[int(e.direction)] = true;
            if (closed[0] && closed[1])
                m_transcript.appendEvent(EventKind::Disconnected, b, {}, ms, a);
            else
                m_transcript.appendEvent(
                    EventKind::Note, b, tr("%1 closed its side (FIN)").arg(sender(e.direction)), ms);
            break;
        case FlowEvent::Kind::Reset:
            m_transcript.appendEvent(
                EventKind::Note, b, tr("%1 reset the connection (RST)").arg(sender(e.direction)), ms);
            m_transcript.appendEvent(EventKind::Disconnected, b, {}, ms, a);
            break;
        }
    }

    const QLocale locale;
    QString text
        = tr("%1, %2 stream %3: TX is %4 \u2192 %5, RX the other way; %6 packets, %7 bytes on the wire.")
              .arg(QDir::toNativeSeparators(m_file), m_flow.protocol == FlowProtocol::Tcp ? tr("TCP") : tr("UDP"),
                  QString::number(m_flow.streamNumber), a, b, locale.toString(m_flow.packets()),
                  locale.toString(m_flow.bytes()));
    if (limited)
        text += QLatin1Char(' ')
            + tr("Only the first %1 bytes are shown (the log's budget).")
                  .arg(locale.toString(m_transcript.counters().rxBytes + m_transcript.counters().txBytes));
    const QString stop = CaptureOpener::stopText(result);
    if (!stop.isEmpty())
        text += QLatin1Char(' ') + stop;
    m_summary->setText(text);
    m_summary->setAccessibleName(text);
}
