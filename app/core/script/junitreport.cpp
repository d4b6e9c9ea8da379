#include "script/junitreport.h"

#include "bytes/hex.h"

#include <QBuffer>
#include <QSysInfo>
#include <QXmlStreamWriter>

namespace {

// XML 1.0 has no way to write most C0 controls, not even escaped; a label or a message quoting a device's reply may
// hold one.
QString xmlSafe(QString text)
{
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0xfffe || u == 0xffff)
            c = QChar(QChar::ReplacementCharacter);
    }
    return text;
}

QString seconds(double ms)
{
    return QString::number(qMax(0.0, ms) / 1000.0, 'f', 3);
}

QString milliseconds(double ms)
{
    return QString::number(ms, 'f', 3);
}

bool isError(FailureReason reason)
{
    switch (reason) {
    case FailureReason::ChannelClosed:
    case FailureReason::SendFailed:
    case FailureReason::PayloadInvalid:
    case FailureReason::PatternInvalid:
        return true;
    case FailureReason::None:
    case FailureReason::Timeout:
    case FailureReason::Mismatch:
    case FailureReason::ChecksumMismatch:
        return false;
    }
    return false;
}

struct Counts
{
    int failures = 0;
    int errors = 0;
    int skipped = 0;
};

Counts countsOf(const QList<StepResult> &results)
{
    Counts counts;
    for (const StepResult &result : results) {
        if (result.status == StepStatus::Failed)
            ++(isError(result.reason) ? counts.errors : counts.failures);
        else if (result.status != StepStatus::Passed)
            ++counts.skipped;
    }
    return counts;
}

void writeProperty(QXmlStreamWriter &xml, const QString &name, const QString &value)
{
    xml.writeStartElement(QStringLiteral("property"));
    xml.writeAttribute(QStringLiteral("name"), name);
    xml.writeAttribute(QStringLiteral("value"), value);
    xml.writeEndElement();
}

void writeProperties(QXmlStreamWriter &xml, const RunSummary &summary)
{
    xml.writeStartElement(QStringLiteral("properties"));
    writeProperty(xml, QStringLiteral("netassist.end"), QString::fromLatin1(JUnitReport::endId(summary.end)));
    writeProperty(xml, QStringLiteral("netassist.responses"), QString::number(summary.responses));
    if (summary.responses > 0) {
        writeProperty(xml, QStringLiteral("netassist.responseMinMs"), milliseconds(summary.minResponseMs));
        writeProperty(xml, QStringLiteral("netassist.responseMedianMs"), milliseconds(summary.medianResponseMs));
        writeProperty(xml, QStringLiteral("netassist.responseMaxMs"), milliseconds(summary.maxResponseMs));
    }
    writeProperty(xml, QStringLiteral("netassist.droppedFrames"), QString::number(summary.droppedFrames));
    writeProperty(xml, QStringLiteral("netassist.unreadFrames"), QString::number(summary.unreadFrames));
    xml.writeEndElement();
}

void writeCase(QXmlStreamWriter &xml, const Sequence &sequence, const StepResult &result, const QString &suite,
    const JUnitReport::Options &options)
{
    xml.writeStartElement(QStringLiteral("testcase"));
    xml.writeAttribute(QStringLiteral("name"),
        xmlSafe(options.caseName ? options.caseName(sequence, result) : JUnitReport::caseName(sequence, result)));
    xml.writeAttribute(QStringLiteral("classname"), suite);
    xml.writeAttribute(QStringLiteral("time"), seconds(result.durationMs));
    const QByteArray id = result.status == StepStatus::Stopped ? "stopped" : JUnitReport::reasonId(result.reason);
    const QString message = xmlSafe(options.message ? options.message(result) : QString::fromLatin1(id));
    switch (result.status) {
    case StepStatus::Passed:
        break;
    case StepStatus::Failed:
        xml.writeStartElement(isError(result.reason) ? QStringLiteral("error") : QStringLiteral("failure"));
        xml.writeAttribute(QStringLiteral("message"), message);
        xml.writeAttribute(QStringLiteral("type"), QString::fromLatin1(JUnitReport::reasonId(result.reason)));
        // The frame as it came: what a person debugging the device needs, and no words to translate.
        if (!result.bytes.isEmpty())
            xml.writeCharacters(Hex::format(result.bytes));
        xml.writeEndElement();
        break;
    case StepStatus::Skipped:
        xml.writeEmptyElement(QStringLiteral("skipped"));
        break;
    case StepStatus::Stopped:
        xml.writeEmptyElement(QStringLiteral("skipped"));
        xml.writeAttribute(QStringLiteral("message"), message);
        break;
    }
    xml.writeEndElement();
}

} // namespace

namespace JUnitReport {

QString caseName(const Sequence &sequence, const StepResult &result)
{
    QString name = QString::number(result.stepIndex + 1) + u' ' + QString::fromLatin1(StepIds::kindId(result.kind));
    if (result.stepIndex >= 0 && result.stepIndex < sequence.steps.size()
        && !sequence.steps.at(result.stepIndex).label.isEmpty())
        name += QStringLiteral(": ") + sequence.steps.at(result.stepIndex).label;
    if (result.iteration > 0)
        name += QStringLiteral(" (iteration %1)").arg(result.iteration);
    return name;
}

QByteArray reasonId(FailureReason reason)
{
    switch (reason) {
    case FailureReason::None:
        return "none";
    case FailureReason::Timeout:
        return "timeout";
    case FailureReason::Mismatch:
        return "mismatch";
    case FailureReason::ChecksumMismatch:
        return "checksum-mismatch";
    case FailureReason::ChannelClosed:
        return "channel-closed";
    case FailureReason::SendFailed:
        return "send-failed";
    case FailureReason::PayloadInvalid:
        return "payload-invalid";
    case FailureReason::PatternInvalid:
        return "pattern-invalid";
    }
    return "none";
}

QByteArray endId(RunSummary::End end)
{
    switch (end) {
    case RunSummary::End::Completed:
        return "completed";
    case RunSummary::End::StoppedOnFailure:
        return "stopped-on-failure";
    case RunSummary::End::ChannelClosed:
        return "channel-closed";
    case RunSummary::End::Stopped:
        return "stopped";
    }
    return "completed";
}

bool write(QIODevice *device, const Sequence &sequence, const QList<StepResult> &results, const RunSummary &summary,
    const Options &options)
{
    QString suite = xmlSafe(options.suiteName.isEmpty() ? sequence.name.trimmed() : options.suiteName);
    if (suite.isEmpty())
        suite = QStringLiteral("sequence");
    QString host = xmlSafe(options.hostname.isEmpty() ? QSysInfo::machineHostName() : options.hostname);
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    const QDateTime started = summary.startedAt.isValid() ? summary.startedAt : QDateTime::currentDateTimeUtc();
    const Counts counts = countsOf(results);

    QXmlStreamWriter xml(device);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), suite);
    xml.writeAttribute(QStringLiteral("tests"), QString::number(results.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(counts.failures));
    xml.writeAttribute(QStringLiteral("errors"), QString::number(counts.errors));
    xml.writeAttribute(QStringLiteral("skipped"), QString::number(counts.skipped));
    xml.writeAttribute(QStringLiteral("time"), seconds(summary.elapsedMs));
    xml.writeAttribute(QStringLiteral("timestamp"), started.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
    xml.writeAttribute(QStringLiteral("hostname"), host);
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("package"), suite);
    writeProperties(xml, summary);
    for (const StepResult &result : results)
        writeCase(xml, sequence, result, suite, options);
    xml.writeEmptyElement(QStringLiteral("system-out"));
    xml.writeEmptyElement(QStringLiteral("system-err"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    device->write("\n");
    return !xml.hasError();
}

QByteArray write(
    const Sequence &sequence, const QList<StepResult> &results, const RunSummary &summary, const Options &options)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    write(&buffer, sequence, results, summary, options);
    return out;
}

} // namespace JUnitReport
