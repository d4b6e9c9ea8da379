// Framer fed random chunkings at random times against a byte-at-a-time model written from the header's contract
// ("as if bytes arrived one at a time"), plus the invariants stated directly: nothing lost or reordered, no frame
// empty or over maxFrameBytes, delimiter frames end with the delimiter unless cut at maxFrameBytes.
// Input: [mode][gap][delimiter length][delimiter][flags][length][max][n][n x (chunk size, time step, expire probe)]
// [bytes]. In the dense variant every byte is one of "\r\nab", so that delimiters actually occur.

#include "fuzzinput.h"
#include "log/framer.h"

#include <algorithm>

namespace {

using Mode = Framer::Mode;

struct Read
{
    qsizetype size;
    qint64 step;
    qint64 probe; // > 0: expire() is called this long after the read (IdleGap timer firing)
};

// The contract, one byte at a time.
class Model
{
public:
    explicit Model(const Framer::Config &config)
        : m_config(config)
    {
        m_mode = config.mode == Mode::Delimiter && config.delimiter.isEmpty() ? Mode::PerRead : config.mode;
    }

    void feed(QByteArrayView chunk, qint64 now)
    {
        expire(now);
        for (char b : chunk)
            feedByte(b, now);
        if (!chunk.isEmpty()) {
            if (m_mode == Mode::PerRead && !m_pending.isEmpty())
                emitPending();
            m_last = now;
        }
    }
    void expire(qint64 now)
    {
        if (m_mode == Mode::IdleGap && !m_pending.isEmpty() && now - m_last >= std::max(0, m_config.gapMs))
            emitPending();
    }
    qint64 deadline() const
    {
        return m_mode == Mode::IdleGap && !m_pending.isEmpty() ? m_last + std::max(0, m_config.gapMs) : -1;
    }
    QList<Framer::Frame> take() { return std::exchange(m_out, {}); }
    QByteArray pending() const { return m_pending; }
    qint64 pendingFirst() const { return m_first; }

private:
    void feedByte(char b, qint64 now)
    {
        if (m_pending.isEmpty())
            m_first = now;
        m_pending.append(b);
        if (m_mode == Mode::Delimiter && m_pending.endsWith(m_config.delimiter)) {
            if (!m_config.keepDelimiter)
                m_pending.chop(m_config.delimiter.size());
            if (!m_pending.isEmpty())
                emitPending();
            return;
        }
        if (m_mode == Mode::FixedLength && m_pending.size() >= std::max(1, m_config.length))
            emitPending();
        else if (m_pending.size() >= std::max(1, m_config.maxFrameBytes))
            emitPending();
    }
    void emitPending() { m_out.append(Framer::Frame {std::exchange(m_pending, {}), m_first}); }

    Framer::Config m_config;
    Mode m_mode;
    QByteArray m_pending;
    qint64 m_first = 0;
    qint64 m_last = 0;
    QList<Framer::Frame> m_out;
};

QByteArray dense(QByteArrayView bytes)
{
    QByteArray out(bytes.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        out[i] = "\r\nab"[uchar(bytes[i]) % 4];
    return out;
}

QByteArray describe(const QList<Framer::Frame> &frames)
{
    QByteArray text;
    for (const Framer::Frame &f : frames)
        text += "\n    [" + show(f.bytes) + "] @" + QByteArray::number(f.firstByteMs);
    return text;
}

QByteArray describe(const Framer::Config &c)
{
    return Framer::id(c.mode) + " gap " + QByteArray::number(c.gapMs) + " delimiter [" + show(c.delimiter) + "] keep "
        + QByteArray::number(c.keepDelimiter) + " length " + QByteArray::number(c.length) + " max "
        + QByteArray::number(c.maxFrameBytes);
}

void compare(const QList<Framer::Frame> &got, const QList<Framer::Frame> &want, const char *when)
{
    bool same = got.size() == want.size();
    for (qsizetype i = 0; same && i < got.size(); ++i)
        same = got[i].bytes == want[i].bytes && got[i].firstByteMs == want[i].firstByteMs;
    FUZZ_CHECK(same, "%s: frames differ from the model\n  got:%s\n  model:%s", when, describe(got).constData(),
        describe(want).constData());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    Framer::Config config;
    config.mode = Mode(in.pick(4));
    config.gapMs = in.pick(40) - 5;
    QByteArray delimiter = in.bytes(in.pick(5)).toByteArray();
    const uint8_t flags = in.byte();
    const bool isDense = !(flags & 2);
    config.delimiter = isDense ? dense(delimiter) : delimiter;
    config.keepDelimiter = flags & 1;
    config.length = in.pick(20) - 1;
    const uint8_t max = in.byte();
    config.maxFrameBytes = max >= 0xf0 ? 64 * 1024 : max % 40 - 1;
    QList<Read> reads;
    const int count = 1 + in.pick(8);
    for (int i = 0; i < count; ++i) {
        const uint8_t s = in.byte();
        reads.append(Read {s < 0xf0 ? s % 12 : s, in.pick(30), in.pick(40) - 10});
    }
    if (std::all_of(reads.cbegin(), reads.cend(), [](const Read &r) { return r.size == 0; }))
        reads.append(Read {1, 0, 0});
    const QByteArray bytes = isDense ? dense(in.rest()) : in.rest().toByteArray();
    const qsizetype maxBytes = std::max(1, config.maxFrameBytes);
    const bool delimited = config.mode == Mode::Delimiter && !config.delimiter.isEmpty();

    Framer framer(config);
    Model model(config);
    QList<Framer::Frame> all;
    qint64 now = 1'700'000'000'000; // epoch milliseconds: far from zero, like the real clock
    qsizetype pos = 0;
    for (qsizetype turn = 0; pos < bytes.size() || turn < reads.size(); ++turn) {
        const Read &read = reads[turn % reads.size()];
        const QByteArrayView chunk = QByteArrayView(bytes).sliced(pos, std::min(read.size, bytes.size() - pos));
        pos += chunk.size();
        now += read.step;
        QList<Framer::Frame> frames = framer.feed(chunk, now);
        if (std::getenv("FUZZ_VERBOSE"))
            std::fprintf(stderr, "%s: feed [%s] at %lld\n", describe(config).constData(), show(chunk).constData(),
                (long long)now);
        model.feed(chunk, now);
        if (config.mode == Mode::PerRead || (config.mode == Mode::Delimiter && config.delimiter.isEmpty())) {
            QByteArray joined;
            for (const Framer::Frame &f : frames)
                joined += f.bytes;
            FUZZ_CHECK(joined == chunk && !framer.hasPending(), "per-read frames are not the read");
        }
        if (read.probe > 0) {
            FUZZ_CHECK(framer.nextDeadlineMs() == model.deadline(), "nextDeadlineMs %lld, model %lld",
                (long long)framer.nextDeadlineMs(), (long long)model.deadline());
            now += read.probe;
            frames += framer.expire(now);
            model.expire(now);
        }
        compare(frames, model.take(), "feed");
        all += frames;
    }
    const Framer::Frame tail = framer.flush();
    FUZZ_CHECK(tail.bytes == model.pending() && (tail.bytes.isEmpty() || tail.firstByteMs == model.pendingFirst()),
        "flush %s, model %s", show(tail.bytes).constData(), show(model.pending()).constData());
    FUZZ_CHECK(!framer.hasPending() && framer.flush().bytes.isEmpty(), "flush left bytes behind");

    QByteArray joined;
    for (const Framer::Frame &f : all) {
        FUZZ_CHECK(!f.bytes.isEmpty() && f.bytes.size() <= maxBytes, "frame of %lld bytes (max %lld)",
            (long long)f.bytes.size(), (long long)maxBytes);
        if (delimited && config.keepDelimiter)
            FUZZ_CHECK(f.bytes.endsWith(config.delimiter) || f.bytes.size() == maxBytes,
                "delimited frame %s neither ends with the delimiter nor is full", show(f.bytes).constData());
        if (config.mode == Mode::FixedLength)
            FUZZ_CHECK(f.bytes.size() == std::min<qsizetype>(std::max(1, config.length), maxBytes),
                "fixed-length frame of %lld", (long long)f.bytes.size());
        joined += f.bytes;
    }
    if (!delimited || config.keepDelimiter)
        FUZZ_CHECK(joined + tail.bytes == bytes, "frames + flush are not the input");

    // Where the contract says chunking does not matter, one big read gives the same frames.
    if (delimited || config.mode == Mode::FixedLength) {
        Framer whole(config);
        QList<Framer::Frame> once = whole.feed(bytes, now);
        bool same = once.size() == all.size() && whole.flush().bytes == tail.bytes;
        for (qsizetype i = 0; same && i < once.size(); ++i)
            same = once[i].bytes == all[i].bytes;
        FUZZ_CHECK(same, "one read gives other frames than %d-chunked reads", int(reads.size()));
    }
    FUZZ_CHECK(Framer::fromId(Framer::id(config.mode)) == config.mode, "id round trip");
    return 0;
}
