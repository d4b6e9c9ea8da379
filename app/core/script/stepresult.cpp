#include "script/stepresult.h"

#include <algorithm>

RunSummary RunSummary::of(const QList<StepResult> &results)
{
    RunSummary summary;
    QList<double> times;
    for (const StepResult &result : results) {
        switch (result.status) {
        case StepStatus::Passed:
            ++summary.passed;
            break;
        case StepStatus::Failed:
            ++summary.failed;
            break;
        case StepStatus::Skipped:
            ++summary.skipped;
            break;
        case StepStatus::Stopped:
            ++summary.stopped;
            break;
        }
        if (result.kind == Step::Kind::Expect && result.responseMs >= 0)
            times.append(result.responseMs);
    }
    summary.responses = int(times.size());
    if (times.isEmpty())
        return summary;
    std::sort(times.begin(), times.end());
    const qsizetype mid = times.size() / 2;
    summary.minResponseMs = times.constFirst();
    summary.maxResponseMs = times.constLast();
    summary.medianResponseMs = times.size() % 2 ? times.at(mid) : (times.at(mid - 1) + times.at(mid)) / 2;
    return summary;
}
