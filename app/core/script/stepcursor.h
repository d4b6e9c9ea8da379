#pragma once

#include "script/step.h"

#include <QList>

// Walks a step list in the order the runner executes it: repeat blocks expanded, markers passed through.
// Expects a list SequenceCheck::structure accepts; on another it still ends (an unmatched end-repeat is passed
// through, a repeat inside a block restarts the block count), it never loops forever. An empty block is passed
// through at once, whatever its count.
class StepCursor
{
public:
    struct Position
    {
        int index = -1; // into the step list; -1 at the end
        int iteration = 0; // 1..count inside a repeat block, 0 outside
        bool atEnd() const { return index < 0; }
        bool operator==(const Position &o) const { return index == o.index && iteration == o.iteration; }
    };

    explicit StepCursor(const QList<Step> &steps = {});

    // The next send, expect or wait step (enabled or not), or the end.
    Position next();
    // What next() will return, without moving.
    Position peek() const;

private:
    QList<Step> m_steps;
    int m_pc = 0;
    int m_blockStart = -1;
    int m_iteration = 0;
    int m_count = 0;
};
