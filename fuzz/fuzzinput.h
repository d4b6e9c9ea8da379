#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Shared by every fuzz target: a reader over libFuzzer's input and a check that aborts, so that a broken property is
// a crash libFuzzer records (and a failing ctest when the corpus is replayed), not a silent pass.

#define FUZZ_CHECK(condition, ...)                                                                                     \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n  ", __FILE__, __LINE__, #condition);                \
            std::fprintf(stderr, __VA_ARGS__);                                                                         \
            std::fputc('\n', stderr);                                                                                  \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

// Takes control bytes from the front and leaves the rest as the payload; reads past the end yield 0 so that every
// input, however short, is a valid test case.
class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    { }

    uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    bool flag() { return byte() & 1; }
    // 0..count-1 (count > 0).
    int pick(int count) { return byte() % count; }
    QByteArrayView bytes(size_t count)
    {
        const size_t n = count < m_size - m_pos ? count : m_size - m_pos;
        const QByteArrayView view(reinterpret_cast<const char *>(m_data + m_pos), qsizetype(n));
        m_pos += n;
        return view;
    }
    QByteArrayView rest() { return bytes(m_size - m_pos); }

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

// Printable form of bytes or text for a failure message (hex, so that control bytes survive the terminal).
inline QByteArray show(QByteArrayView bytes)
{
    return bytes.toByteArray().toHex(' ');
}
inline QByteArray show(const QByteArray &bytes)
{
    return show(QByteArrayView(bytes));
}
inline QByteArray show(const QString &text)
{
    return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2).toHex(' ') + " (UTF-16LE)";
}
