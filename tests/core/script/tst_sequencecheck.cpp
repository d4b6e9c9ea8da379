#include "script/sequenceerror.h"

#include <QTest>

using Kind = SequenceError::Kind;

class tst_SequenceCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyProblemInStepOrder();
    void validSequenceHasNone();
    void ranges();
    void path();
};

void tst_SequenceCheck::everyProblemInStepOrder()
{
    Sequence s;
    Payload::Spec hex;
    hex.mode = Payload::Mode::Hex;
    s.steps = {
        Step::makeSend(QStringLiteral("01 2"), hex), // 0: odd hex
        Step::makeRepeat(2), Step::makeExpect(ExpectMatch::Regex, QStringLiteral("(")), // 2: bad regex
        Step::makeRepeat(2), // 3: nested
        Step::makeRepeatEnd(), Step::makeExpect(ExpectMatch::HexPattern, QStringLiteral("01 GG")), // 5: bad hex pattern
    };
    const QList<SequenceError> problems = SequenceCheck::problems(s);
    QCOMPARE(problems.size(), 4);
    QCOMPARE(problems.at(0).kind, Kind::BadPayload);
    QCOMPARE(problems.at(0).path(), QStringLiteral("steps[0].text"));
    QCOMPARE(problems.at(0).payload.error, Payload::Error::BadHex);
    QCOMPARE(problems.at(0).position, qsizetype(3));
    QCOMPARE(problems.at(1).kind, Kind::BadRegex);
    QCOMPARE(problems.at(1).stepIndex, 2);
    QCOMPARE(problems.at(2).kind, Kind::RepeatNested);
    QCOMPARE(problems.at(2).path(), QStringLiteral("steps[3]"));
    QCOMPARE(problems.at(3).kind, Kind::BadHexPattern);
    QCOMPARE(problems.at(3).position, qsizetype(3));
    QCOMPARE(problems.at(3).hexError, HexPattern::Error::BadCharacter);
    QCOMPARE(problems.at(3).line, 0); // not from a file
}

void tst_SequenceCheck::validSequenceHasNone()
{
    Sequence s;
    s.steps = {Step::makeRepeat(1), Step::makeSend(QStringLiteral("a")), Step::makeRepeatEnd(), Step::makeRepeat(2),
        Step::makeExpect(ExpectMatch::HexPattern, QStringLiteral("..")), Step::makeRepeatEnd(), Step::makeWait(0)};
    QVERIFY(SequenceCheck::problems(s).isEmpty());
    QVERIFY(SequenceCheck::structure(s.steps).ok());
    QVERIFY(SequenceCheck::problems(Sequence()).isEmpty());
}

void tst_SequenceCheck::ranges()
{
    QCOMPARE(SequenceCheck::step(Step::makeWait(-1), 4).kind, Kind::BadNumber);
    QCOMPARE(SequenceCheck::step(Step::makeWait(-1), 4).path(), QStringLiteral("steps[4].ms"));
    QCOMPARE(SequenceCheck::step(Step::makeWait(StepLimits::MaxWaitMs), 0).kind, Kind::None);
    QCOMPARE(SequenceCheck::step(Step::makeRepeat(0), 0).minimum, qint64(1));
    QCOMPARE(SequenceCheck::step(Step::makeRepeat(StepLimits::MaxRepeatCount + 1), 0).kind, Kind::BadNumber);
    const SequenceError timeout = SequenceCheck::step(Step::makeExpect(ExpectMatch::Equals, "a", -5), 1);
    QCOMPARE(timeout.kind, Kind::BadNumber);
    QCOMPARE(timeout.field, QStringLiteral("timeoutMs"));
    QCOMPARE(timeout.maximum, qint64(StepLimits::MaxTimeoutMs));
}

void tst_SequenceCheck::path()
{
    SequenceError e;
    QCOMPARE(e.path(), QString());
    e.field = QStringLiteral("steps");
    QCOMPARE(e.path(), QStringLiteral("steps"));
    e.stepIndex = 12;
    e.field.clear();
    QCOMPARE(e.path(), QStringLiteral("steps[12]"));
    e.field = QStringLiteral("pattern");
    QCOMPARE(e.path(), QStringLiteral("steps[12].pattern"));
}

QTEST_APPLESS_MAIN(tst_SequenceCheck)
#include "tst_sequencecheck.moc"
