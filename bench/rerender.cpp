#include "log/transcript.h"
#include "logpanel.h"
#include "logview.h"
#include "scenarios.h"

#include <QRandomGenerator>
#include <QStringEncoder>

namespace {

// Chinese text in GBK, cut into lines: what a device speaking GBK would send.
QByteArray gbkText(QRandomGenerator &random)
{
    static const QByteArray lines = [] {
        QStringEncoder gbk("GBK");
        QByteArray out;
        for (int i = 0; i < 64; ++i) {
            out += QByteArray(gbk.encode(QStringLiteral("温度 %1 °C，湿度 %2%，状态：正常运行 设备编号 NA-%3\r\n")
                                             .arg(20 + i % 10)
                                             .arg(40 + i % 30)
                                             .arg(1000 + i)));
        }
        return out;
    }();
    const qsizetype begin = random.bounded(int(lines.size() / 2));
    return lines.mid(begin, 64 + random.bounded(int(lines.size() / 2) - 64));
}

QByteArray binary(QRandomGenerator &random)
{
    QByteArray out(16 + random.bounded(1024), Qt::Uninitialized);
    for (char &c : out)
        c = char(random.bounded(256));
    return out;
}

// Times one change of options until the visible rows are painted (repaint() paints synchronously); the note says
// how much of it was the re-index and how much the paint.
double timeChange(LogPanel *panel, const RenderOptions &options, const char *what)
{
    QElapsedTimer clock;
    clock.start();
    panel->setOptions(options);
    const double indexed = double(clock.nsecsElapsed()) / 1e6;
    panel->view()->viewport()->repaint();
    const double total = double(clock.nsecsElapsed()) / 1e6;
    Bench::note(QStringLiteral("rerender %1: setOptions %2 ms, paint %3 ms")
                    .arg(QLatin1String(what))
                    .arg(indexed, 0, 'f', 1)
                    .arg(total - indexed, 0, 'f', 1));
    return total;
}

} // namespace

// A transcript full to its default budget of mixed RX (GBK text) and TX (binary) records, shown in a log panel;
// then the encoding (UTF-8 -> GBK) and the view (Text -> Hex) change, each timed until the view is repainted.
void runRerender(BenchContext &)
{
    Transcript transcript;
    QRandomGenerator random(42);
    const QString peer = QStringLiteral("127.0.0.1:5000");
    while (transcript.droppedRecords() == 0) {
        transcript.appendData(Direction::Rx, peer, gbkText(random));
        transcript.appendData(Direction::Tx, peer, binary(random));
    }

    LogPanel panel(&transcript);
    panel.resize(1200, 800);
    panel.show();
    Bench::waitExposed(&panel);
    RenderOptions options = panel.options();
    options.view = RenderOptions::View::Text;
    options.encoding = "UTF-8";
    panel.setOptions(options);
    panel.view()->setAutoScroll(true);
    Bench::waitUntil([&] { return panel.view()->rowCount() > 0; }, 10000);
    panel.view()->viewport()->repaint();

    options.encoding = "GBK";
    const double gbk = timeChange(&panel, options, "GBK");
    options.view = RenderOptions::View::Hex;
    const double hex = timeChange(&panel, options, "Hex");
    Bench::note(QStringLiteral("rerender: %1 records, %2 MiB stored, %3 hex rows")
                    .arg(transcript.size())
                    .arg(double(transcript.storedBytes()) / Bench::MiB, 0, 'f', 1)
                    .arg(panel.view()->rowCount()));
    Bench::figure(QStringLiteral("rerender_gbk_ms"), gbk, "ms");
    Bench::figure(QStringLiteral("rerender_hex_ms"), hex, "ms");
    Bench::figure(QStringLiteral("rerender_ms"), std::max(gbk, hex), "ms");
}
