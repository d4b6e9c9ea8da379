#include "log/linefeeds.h"

#include <QtEndian>

#include <cstring>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define NETASSIST_SSE2 1
#endif

namespace LineFeeds {

namespace {

// The bytes from i on, one at a time.
void findTail(const char *data, qsizetype i, qsizetype size, Found *out)
{
    for (; i < size; ++i) {
        if (data[i] == '\n') {
            ++out->count;
            out->last = i;
        }
    }
}

} // namespace

Found findPortable(const char *data, qsizetype size)
{
    constexpr quint64 LfBytes = 0x0A0A0A0A0A0A0A0AULL;
    constexpr quint64 Low7 = 0x7F7F7F7F7F7F7F7FULL;
    constexpr quint64 OnePerByte = 0x0101010101010101ULL;
    Found out;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, sizeof word);
        const quint64 x = qFromLittleEndian(word) ^ LfBytes; // byte k of memory is bits 8k..8k+7
        // 0x80 in exactly the bytes of x that are zero: no carry crosses a byte, as (b & 0x7F) + 0x7F <= 0xFE.
        const quint64 zeros = ~(((x & Low7) + Low7) | x | Low7);
        if (zeros) {
            out.count += qsizetype(((zeros >> 7) * OnePerByte) >> 56); // sum of the per-byte 0/1 flags
            out.last = i + (63 - qCountLeadingZeroBits(zeros)) / 8;
        }
    }
    findTail(data, i, size, &out);
    return out;
}

Found find(const char *data, qsizetype size)
{
#ifdef NETASSIST_SSE2
    Found out;
    const __m128i lfBytes = _mm_set1_epi8('\n');
    qsizetype i = 0;
    for (; i + 16 <= size; i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        const auto mask = quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, lfBytes))); // bit k: byte i + k is LF
        if (mask) {
            out.count += qPopulationCount(mask);
            out.last = i + 31 - qCountLeadingZeroBits(mask);
        }
    }
    findTail(data, i, size, &out);
    return out;
#else
    return findPortable(data, size);
#endif
}

} // namespace LineFeeds
