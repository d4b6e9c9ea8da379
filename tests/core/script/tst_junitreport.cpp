#include "script/junitreport.h"

#include <QTest>
#include <QXmlStreamReader>

namespace {

// The report read back as a tree, so each field is checked by name rather than by the writer's layout.
struct Element
{
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
    QList<Element> children;

    QString attr(const char *key) const { return attributes.value(QLatin1String(key)).toString(); }
    bool has(const char *key) const { return attributes.hasAttribute(QLatin1String(key)); }
    QList<Element> all(const QString &childName) const
    {
        QList<Element> found;
        for (const Element &child : children) {
            if (child.name == childName)
                found.append(child);
        }
        return found;
    }
};

Element readElement(QXmlStreamReader &xml)
{
    Element element;
    element.name = xml.name().toString();
    element.attributes = xml.attributes();
    while (xml.readNext() != QXmlStreamReader::EndElement && !xml.atEnd()) {
        if (xml.isStartElement())
            element.children.append(readElement(xml));
        else if (xml.isCharacters() && !xml.isWhitespace())
            element.text += xml.text();
    }
    return element;
}

// The root element, or an element named "invalid" carrying the parser's error.
Element parse(const QByteArray &report)
{
    QXmlStreamReader xml(report);
    while (!xml.atEnd() && !xml.isStartElement())
        xml.readNext();
    Element root = xml.isStartElement() ? readElement(xml) : Element {};
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError())
        return Element {QStringLiteral("invalid"), {}, xml.errorString(), {}};
    return root;
}

StepResult result(int index, int iteration, Step::Kind kind, StepStatus status,
    FailureReason reason = FailureReason::None, double durationMs = 0)
{
    StepResult r;
    r.stepIndex = index;
    r.iteration = iteration;
    r.kind = kind;
    r.status = status;
    r.reason = reason;
    r.durationMs = durationMs;
    return r;
}

Sequence modbus()
{
    Sequence s;
    s.name = QStringLiteral("Modbus <read> & \"check\"");
    s.steps = {Step::makeRepeat(2), Step::makeSend(QStringLiteral("01 03")),
        Step::makeExpect(ExpectMatch::HexPattern, QStringLiteral("01 03 ..")), Step::makeRepeatEnd(),
        Step::makeSend(QStringLiteral("x")), Step::makeWait(10), Step::makeSend(QStringLiteral("y"))};
    s.steps[1].label = QStringLiteral("读 registers");
    return s;
}

} // namespace

class tst_JUnitReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fields();
    void defaultsWithoutOptions();
    void caseNames_data();
    void caseNames();
    void controlCharactersStayValidXml();
};

void tst_JUnitReport::fields()
{
    const Sequence sequence = modbus();
    StepResult timedOut = result(2, 2, Step::Kind::Expect, StepStatus::Failed, FailureReason::Timeout, 1000.4);
    StepResult mismatch = result(2, 1, Step::Kind::Expect, StepStatus::Failed, FailureReason::Mismatch, 12.6);
    mismatch.bytes = QByteArray::fromHex("0183020001");
    StepResult closed = result(4, 0, Step::Kind::Send, StepStatus::Failed, FailureReason::ChannelClosed);
    const QList<StepResult> results {
        result(1, 1, Step::Kind::Send, StepStatus::Passed, FailureReason::None, 0.25),
        mismatch,
        result(1, 2, Step::Kind::Send, StepStatus::Passed),
        timedOut,
        closed,
        result(5, 0, Step::Kind::Wait, StepStatus::Skipped),
        result(6, 0, Step::Kind::Send, StepStatus::Stopped, FailureReason::None, 3),
    };
    RunSummary summary = RunSummary::of(results);
    summary.end = RunSummary::End::ChannelClosed;
    summary.elapsedMs = 2345.6789;
    summary.startedAt = QDateTime(QDate(2024, 3, 5), QTime(7, 8, 9, 500), Qt::UTC);
    summary.responses = 3;
    summary.minResponseMs = 1.5;
    summary.medianResponseMs = 2;
    summary.maxResponseMs = 10.25;
    summary.droppedFrames = 4;
    summary.unreadFrames = 1;

    JUnitReport::Options options;
    options.hostname = QStringLiteral("bench-1");
    options.message = [](const StepResult &r) {
        return QStringLiteral("step %1 / %2 «%3»").arg(r.stepIndex).arg(r.iteration).arg(int(r.reason));
    };
    const Element root = parse(JUnitReport::write(sequence, results, summary, options));
    QCOMPARE(root.name, QStringLiteral("testsuites"));
    QVERIFY(root.attributes.isEmpty()); // the Ant schema allows none on the aggregate
    QCOMPARE(root.children.size(), 1);

    const Element suite = root.children.at(0);
    const QString name = QStringLiteral("Modbus <read> & \"check\"");
    QCOMPARE(suite.name, QStringLiteral("testsuite"));
    QCOMPARE(suite.attr("name"), name);
    QCOMPARE(suite.attr("package"), name);
    QCOMPARE(suite.attr("id"), QStringLiteral("0"));
    QCOMPARE(suite.attr("tests"), QStringLiteral("7"));
    QCOMPARE(suite.attr("failures"), QStringLiteral("2"));
    QCOMPARE(suite.attr("errors"), QStringLiteral("1"));
    QCOMPARE(suite.attr("skipped"), QStringLiteral("2"));
    QCOMPARE(suite.attr("time"), QStringLiteral("2.346"));
    QCOMPARE(suite.attr("timestamp"), QStringLiteral("2024-03-05T07:08:09"));
    QCOMPARE(suite.attr("hostname"), QStringLiteral("bench-1"));

    QStringList order;
    for (const Element &child : suite.children)
        order.append(child.name);
    QCOMPARE(order,
        (QStringList {"properties", "testcase", "testcase", "testcase", "testcase", "testcase", "testcase", "testcase",
            "system-out", "system-err"}));

    QMap<QString, QString> properties;
    const QList<Element> propertyElements = suite.all(QStringLiteral("properties")).value(0).children;
    for (const Element &p : propertyElements)
        properties.insert(p.attr("name"), p.attr("value"));
    QCOMPARE(properties,
        (QMap<QString, QString> {{"netassist.end", "channel-closed"}, {"netassist.responses", "3"},
            {"netassist.responseMinMs", "1.500"}, {"netassist.responseMedianMs", "2.000"},
            {"netassist.responseMaxMs", "10.250"}, {"netassist.droppedFrames", "4"}, {"netassist.unreadFrames", "1"}}));

    const QList<Element> cases = suite.all(QStringLiteral("testcase"));
    const QStringList names {"2 send: 读 registers (iteration 1)", "3 expect (iteration 1)",
        "2 send: 读 registers (iteration 2)", "3 expect (iteration 2)", "5 send", "6 wait", "7 send"};
    const QStringList times {"0.000", "0.013", "0.000", "1.000", "0.000", "0.000", "0.003"};
    for (int i = 0; i < cases.size(); ++i) {
        QCOMPARE(cases.at(i).attr("name"), names.at(i));
        QCOMPARE(cases.at(i).attr("classname"), name);
        QCOMPARE(cases.at(i).attr("time"), times.at(i));
    }
    QVERIFY(cases.at(0).children.isEmpty());
    QVERIFY(cases.at(2).children.isEmpty());

    const Element failure = cases.at(1).children.value(0);
    QCOMPARE(failure.name, QStringLiteral("failure"));
    QCOMPARE(failure.attr("type"), QStringLiteral("mismatch"));
    QCOMPARE(failure.attr("message"), QStringLiteral("step 2 / 1 «2»"));
    QCOMPARE(failure.text, QStringLiteral("01 83 02 00 01"));

    const Element timeout = cases.at(3).children.value(0);
    QCOMPARE(timeout.name, QStringLiteral("failure"));
    QCOMPARE(timeout.attr("type"), QStringLiteral("timeout"));
    QCOMPARE(timeout.attr("message"), QStringLiteral("step 2 / 2 «1»"));
    QVERIFY(timeout.text.isEmpty());

    const Element error = cases.at(4).children.value(0);
    QCOMPARE(error.name, QStringLiteral("error"));
    QCOMPARE(error.attr("type"), QStringLiteral("channel-closed"));

    const Element skipped = cases.at(5).children.value(0);
    QCOMPARE(skipped.name, QStringLiteral("skipped"));
    QVERIFY(!skipped.has("message"));
    const Element stopped = cases.at(6).children.value(0);
    QCOMPARE(stopped.name, QStringLiteral("skipped"));
    QCOMPARE(stopped.attr("message"), QStringLiteral("step 6 / 0 «0»"));
}

void tst_JUnitReport::defaultsWithoutOptions()
{
    Sequence unnamed;
    unnamed.steps = {Step::makeExpect(ExpectMatch::Equals, QStringLiteral("OK"))};
    StepResult failed = result(0, 0, Step::Kind::Expect, StepStatus::Failed, FailureReason::ChecksumMismatch);
    RunSummary summary = RunSummary::of({failed});
    const Element root = parse(JUnitReport::write(unnamed, {failed}, summary));
    const Element suite = root.children.value(0);
    QCOMPARE(suite.attr("name"), QStringLiteral("sequence"));
    QVERIFY(!suite.attr("hostname").isEmpty());
    QCOMPARE(suite.attr("timestamp").size(), 19); // a run never started is stamped now
    const Element failure = suite.all(QStringLiteral("testcase")).value(0).children.value(0);
    QCOMPARE(failure.attr("message"), QStringLiteral("checksum-mismatch"));
    QCOMPARE(failure.attr("type"), QStringLiteral("checksum-mismatch"));
    QMap<QString, QString> properties;
    const QList<Element> propertyElements = suite.all(QStringLiteral("properties")).value(0).children;
    for (const Element &p : propertyElements)
        properties.insert(p.attr("name"), p.attr("value"));
    QCOMPARE(properties.value("netassist.responses"), QStringLiteral("0"));
    QVERIFY(!properties.contains("netassist.responseMinMs"));

    const StepResult stopped = result(0, 0, Step::Kind::Expect, StepStatus::Stopped);
    const Element stoppedCase
        = parse(JUnitReport::write(unnamed, {stopped}, RunSummary::of({stopped}))).children.value(0).children.value(1);
    QCOMPARE(stoppedCase.name, QStringLiteral("testcase"));
    QCOMPARE(stoppedCase.children.value(0).attr("message"), QStringLiteral("stopped"));

    // An empty run is still a valid suite.
    const Element empty = parse(JUnitReport::write(unnamed, {}, RunSummary()));
    QCOMPARE(empty.children.value(0).attr("tests"), QStringLiteral("0"));
    QCOMPARE(empty.children.value(0).all(QStringLiteral("system-out")).size(), 1);
}

void tst_JUnitReport::caseNames_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("iteration");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("name");

    QTest::newRow("plain") << 0 << 0 << ""
                           << "1 expect";
    QTest::newRow("in a repeat") << 2 << 2 << ""
                                 << "3 expect (iteration 2)";
    QTest::newRow("with a label") << 9 << 0 << "check reply"
                                  << "10 expect: check reply";
    QTest::newRow("label and iteration") << 9 << 12 << "r"
                                         << "10 expect: r (iteration 12)";
}

void tst_JUnitReport::caseNames()
{
    QFETCH(int, index);
    QFETCH(int, iteration);
    QFETCH(QString, label);
    QFETCH(QString, name);
    Sequence sequence;
    for (int i = 0; i <= index; ++i)
        sequence.steps.append(Step::makeExpect(ExpectMatch::Equals, QStringLiteral("x")));
    sequence.steps[index].label = label;
    QCOMPARE(JUnitReport::caseName(sequence, result(index, iteration, Step::Kind::Expect, StepStatus::Passed)), name);
}

void tst_JUnitReport::controlCharactersStayValidXml()
{
    Sequence sequence;
    sequence.name = QStringLiteral("bell\a");
    sequence.steps = {Step::makeSend(QStringLiteral("x"))};
    sequence.steps[0].label = QStringLiteral("nul\x01");
    const StepResult failed = result(0, 0, Step::Kind::Send, StepStatus::Failed, FailureReason::SendFailed);
    JUnitReport::Options options;
    options.message = [](const StepResult &) { return QStringLiteral("got \x02\x03"); };
    const Element root = parse(JUnitReport::write(sequence, {failed}, RunSummary::of({failed}), options));
    QCOMPARE(root.name, QStringLiteral("testsuites"));
    const Element suite = root.children.value(0);
    QCOMPARE(suite.attr("name"), QStringLiteral("bell\uFFFD"));
    const Element testcase = suite.all(QStringLiteral("testcase")).value(0);
    QCOMPARE(testcase.attr("name"), QStringLiteral("1 send: nul\uFFFD"));
    QCOMPARE(testcase.children.value(0).attr("message"), QStringLiteral("got \uFFFD\uFFFD"));
}

QTEST_APPLESS_MAIN(tst_JUnitReport)
#include "tst_junitreport.moc"
