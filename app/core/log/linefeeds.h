#pragma once

#include <QtGlobal>

// Counting LF bytes is what the log does with every byte received (LogRenderer counts text rows), so it is done a
// vector at a time: SSE2 on x86-64 (every such CPU has it), eight bytes per step (SWAR) elsewhere. GCC does not
// vectorise a byte loop at -O2.
namespace LineFeeds {

struct Found
{
    qsizetype count = 0;
    qsizetype last = -1; // offset of the last LF; -1 when there is none
};

Found find(const char *data, qsizetype size); // the fastest this build has
Found findPortable(const char *data, qsizetype size); // SWAR: what other CPUs use, kept testable everywhere

} // namespace LineFeeds
