#include "script/stepcursor.h"

StepCursor::StepCursor(const QList<Step> &steps)
    : m_steps(steps)
{ }

StepCursor::Position StepCursor::next()
{
    while (m_pc < m_steps.size()) {
        const Step &step = m_steps.at(m_pc);
        if (step.kind == Step::Kind::RepeatBegin) {
            m_blockStart = m_pc + 1;
            m_iteration = 1;
            m_count = qMax(1, step.repeatCount);
            ++m_pc;
        } else if (step.kind == Step::Kind::RepeatEnd) {
            if (m_blockStart >= 0 && m_pc > m_blockStart && m_iteration < m_count) {
                ++m_iteration;
                m_pc = m_blockStart;
            } else {
                m_blockStart = -1;
                m_iteration = 0;
                ++m_pc;
            }
        } else {
            return Position {m_pc++, m_iteration};
        }
    }
    return {};
}

StepCursor::Position StepCursor::peek() const
{
    StepCursor copy = *this;
    return copy.next();
}
