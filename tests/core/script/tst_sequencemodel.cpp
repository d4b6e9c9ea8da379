#include "script/sequencemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// The window's step list without widgets: editing, each row's problem, results kept per row.
class tst_SequenceModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editing();
    void problemsFollowEdits();
    void enabledCheckBox();
    void resultsPerRow();
    void editClearsResults();

private:
    static QString text(const SequenceModel &model, int row, int column)
    {
        return model.data(model.index(row, column)).toString();
    }
};

void tst_SequenceModel::editing()
{
    SequenceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &SequenceModel::sequenceEdited);
    QCOMPARE(model.insertStep(5, Step::makeSend(QStringLiteral("A"))), 0); // clamped
    QCOMPARE(model.insertStep(1, Step::makeWait(10)), 1);
    QCOMPARE(model.duplicateStep(0), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.step(1), Step::makeSend(QStringLiteral("A")));
    QCOMPARE(model.moveStep(2, -1), 1); // the wait goes up
    QCOMPARE(model.step(1).kind, Step::Kind::Wait);
    QCOMPARE(model.moveStep(1, +1), 2);
    QCOMPARE(model.step(2).kind, Step::Kind::Wait);
    QCOMPARE(model.moveStep(2, +1), -1); // already last
    QCOMPARE(model.moveStep(0, -1), -1);
    QVERIFY(model.removeStep(0));
    QVERIFY(!model.removeStep(7));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.sequence().steps.at(1).waitMs, 10);
    QCOMPARE(edited.size(), 6);
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("2"));
    QCOMPARE(text(model, 1, SequenceModel::StepColumn), QStringLiteral("wait"));
}

void tst_SequenceModel::problemsFollowEdits()
{
    SequenceModel model;
    Sequence s;
    s.steps = {
        Step::makeRepeat(2), Step::makeExpect(ExpectMatch::HexPattern, QStringLiteral("01 0")), Step::makeRepeatEnd()};
    model.setSequence(s);
    QVERIFY(!model.data(model.index(0, 0), SequenceModel::ProblemRole).toBool());
    QVERIFY(model.data(model.index(1, 0), SequenceModel::ProblemRole).toBool());
    QCOMPARE(model.problem(1).kind, SequenceError::Kind::BadHexPattern);
    QCOMPARE(model.firstProblem().stepIndex, 1);
    QCOMPARE(text(model, 1, SequenceModel::ResultColumn), QStringLiteral("problem steps[1].pattern"));
    QVERIFY(model.data(model.index(1, 0), SequenceModel::InBlockRole).toBool());
    QVERIFY(!model.data(model.index(2, 0), SequenceModel::InBlockRole).toBool());
    QCOMPARE(text(model, 1, SequenceModel::StepColumn), QStringLiteral("    expect"));

    Step fixed = model.step(1);
    fixed.expect.pattern = QStringLiteral("01 ..");
    model.setStep(1, fixed);
    QVERIFY(model.firstProblem().ok());
    // Deleting the end-repeat leaves the repeat unbalanced: the marker's row says so.
    model.removeStep(2);
    QCOMPARE(model.problem(0).kind, SequenceError::Kind::RepeatUnbalanced);
    QCOMPARE(model.firstProblem().stepIndex, 0);
}

void tst_SequenceModel::enabledCheckBox()
{
    SequenceModel model;
    model.insertStep(0, Step::makeSend(QStringLiteral("A")));
    model.insertStep(1, Step::makeRepeat(2));
    const QModelIndex send = model.index(0, SequenceModel::StepColumn);
    QVERIFY(model.flags(send) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(1, SequenceModel::StepColumn)) & Qt::ItemIsUserCheckable));
    QCOMPARE(model.data(send, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(model.setData(send, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!model.step(0).enabled);
    QVERIFY(!model.setData(model.index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
}

void tst_SequenceModel::resultsPerRow()
{
    SequenceModel model;
    Sequence s;
    s.steps = {Step::makeRepeat(3), Step::makeExpect(ExpectMatch::Equals, QStringLiteral("OK")), Step::makeRepeatEnd()};
    model.setSequence(s);
    model.setRunningStep(1);
    QCOMPARE(text(model, 1, SequenceModel::ResultColumn), QStringLiteral("running"));
    QVERIFY(model.data(model.index(1, 0), SequenceModel::RunningRole).toBool());

    StepResult r;
    r.stepIndex = 1;
    r.kind = Step::Kind::Expect;
    r.iteration = 1;
    r.responseMs = 1.5;
    model.addResult(r);
    QCOMPARE(model.runningStep(), -1);
    QCOMPARE(text(model, 1, SequenceModel::ResultColumn), QStringLiteral("passed"));
    QCOMPARE(text(model, 1, SequenceModel::ResponseColumn), QStringLiteral("1.50"));
    // A failure in iteration 2 stays when iteration 3 passes.
    r.iteration = 2;
    r.status = StepStatus::Failed;
    r.reason = FailureReason::Mismatch;
    r.responseMs = -1;
    model.addResult(r);
    r.iteration = 3;
    r.status = StepStatus::Passed;
    r.reason = FailureReason::None;
    model.addResult(r);
    QCOMPARE(model.result(1)->iteration, 2);
    QCOMPARE(model.data(model.index(1, 0), SequenceModel::StatusRole).toInt(), int(StepStatus::Failed));
    QCOMPARE(text(model, 1, SequenceModel::ResponseColumn), QString());
    QCOMPARE(model.data(model.index(0, 0), SequenceModel::StatusRole).toInt(), -1);
    model.clearResults();
    QVERIFY(!model.result(1));
}

void tst_SequenceModel::editClearsResults()
{
    SequenceModel model;
    model.insertStep(0, Step::makeWait(1));
    StepResult r;
    r.stepIndex = 0;
    r.kind = Step::Kind::Wait;
    model.addResult(r);
    QVERIFY(model.result(0));
    model.setName(QStringLiteral("kept")); // the sequence's fields keep the results
    QVERIFY(model.result(0));
    model.setStep(0, Step::makeWait(2));
    QVERIFY(!model.result(0));
    QCOMPARE(model.sequence().name, QStringLiteral("kept"));
}

QTEST_GUILESS_MAIN(tst_SequenceModel)
#include "tst_sequencemodel.moc"
