#include "log/framer.h"

#include <QTest>

using Mode = Framer::Mode;
using Config = Framer::Config;

Q_DECLARE_METATYPE(Framer::Config)

namespace {

Config config(Mode mode)
{
    Config c;
    c.mode = mode;
    return c;
}

Config delimited(const QByteArray &delimiter, bool keep = true, int maxFrameBytes = 64 * 1024)
{
    Config c = config(Mode::Delimiter);
    c.delimiter = delimiter;
    c.keepDelimiter = keep;
    c.maxFrameBytes = maxFrameBytes;
    return c;
}

Config fixed(int length, int maxFrameBytes = 64 * 1024)
{
    Config c = config(Mode::FixedLength);
    c.length = length;
    c.maxFrameBytes = maxFrameBytes;
    return c;
}

Config capped(Mode mode, int maxFrameBytes)
{
    Config c = config(mode);
    c.maxFrameBytes = maxFrameBytes;
    return c;
}

QList<QByteArray> bytesOf(const QList<Framer::Frame> &frames)
{
    QList<QByteArray> out;
    for (const Framer::Frame &frame : frames)
        out.append(frame.bytes);
    return out;
}

// Feeds the chunks one per millisecond and returns every completed frame (not the pending rest).
QList<QByteArray> run(const Config &c, const QList<QByteArray> &chunks, QByteArray *pending = nullptr)
{
    Framer framer(c);
    QList<QByteArray> frames;
    qint64 now = 0;
    for (const QByteArray &chunk : chunks)
        frames += bytesOf(framer.feed(chunk, now++));
    if (pending)
        *pending = framer.flush().bytes;
    return frames;
}

} // namespace

class tst_Framer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frames_data();
    void frames();
    void independentOfChunking_data();
    void independentOfChunking();
    void timestamps();
    void idleGap();
    void idleGapFeedEndsOldFrame();
    void expireOtherModes();
    void flush();
    void manyFramesInOneChunk();
    void neverSendingDelimiterIsCapped();
    void ids();
};

void tst_Framer::frames_data()
{
    QTest::addColumn<Config>("config");
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::addColumn<QByteArray>("pending");

    using L = QList<QByteArray>;
    QTest::newRow("per-read: each chunk")
        << config(Mode::PerRead) << L {"ab", "c\n", "d"} << L {"ab", "c\n", "d"} << QByteArray();
    QTest::newRow("per-read: empty chunk is no frame")
        << config(Mode::PerRead) << L {"", "x"} << L {"x"} << QByteArray();
    QTest::newRow("per-read: capped") << capped(Mode::PerRead, 3) << L {"abcdefg"} << L {"abc", "def", "g"}
                                      << QByteArray();

    QTest::newRow("lf: split across reads")
        << delimited("\n") << L {"hel", "lo\nwor", "ld\n"} << L {"hello\n", "world\n"} << QByteArray();
    QTest::newRow("lf: several in one read")
        << delimited("\n") << L {"a\nbb\nccc\nd"} << L {"a\n", "bb\n", "ccc\n"} << QByteArray("d");
    QTest::newRow("lf: drop delimiter") << delimited("\n", false) << L {"a\nbb\n"} << L {"a", "bb"} << QByteArray();
    QTest::newRow("lf: dropped delimiter leaves no empty frame")
        << delimited("\n", false) << L {"a\n\n\nb\n"} << L {"a", "b"} << QByteArray();
    QTest::newRow("lf: kept delimiter-only frames") << delimited("\n") << L {"\n\n"} << L {"\n", "\n"} << QByteArray();
    QTest::newRow("cr") << delimited("\r") << L {"x\ry\r\n"} << L {"x\r", "y\r"} << QByteArray("\n");
    QTest::newRow("crlf: delimiter split between chunks")
        << delimited("\r\n") << L {"ab\r", "\ncd\r\n"} << L {"ab\r\n", "cd\r\n"} << QByteArray();
    QTest::newRow("crlf: split, delimiter dropped")
        << delimited("\r\n", false) << L {"ab\r", "\ncd\r\n"} << L {"ab", "cd"} << QByteArray();
    QTest::newRow("crlf: lone CR and LF are data")
        << delimited("\r\n") << L {"a\rb\nc\r", "x\r\n"} << L {"a\rb\nc\rx\r\n"} << QByteArray();
    QTest::newRow("crlf: CR CR LF") << delimited("\r\n") << L {"a\r", "\r", "\n"} << L {"a\r\r\n"} << QByteArray();
    QTest::newRow("custom hex delimiter AA 55 split three ways")
        << delimited(QByteArray::fromHex("aa55"))
        << L {QByteArray::fromHex("0102aa"), QByteArray::fromHex("5503aa"), QByteArray::fromHex("aa5504")}
        << L {QByteArray::fromHex("0102aa55"), QByteArray::fromHex("03aaaa55")} << QByteArray::fromHex("04");
    QTest::newRow("custom three-byte delimiter one byte at a time")
        << delimited("END") << L {"x", "E", "N", "E", "N", "D", "y"} << L {"xENEND"} << QByteArray("y");
    QTest::newRow("overlapping delimiter occurrences") << delimited("aa") << L {"aaa"} << L {"aa"} << QByteArray("a");
    QTest::newRow("empty delimiter behaves as per-read")
        << delimited("") << L {"ab", "c"} << L {"ab", "c"} << QByteArray();
    QTest::newRow("delimiter: cap cuts a long line")
        << delimited("\n", true, 4) << L {"abcdefghij\nk"} << L {"abcd", "efgh", "ij\n"} << QByteArray("k");
    QTest::newRow("delimiter: frame of exactly the cap with its delimiter")
        << delimited("\n", true, 4) << L {"abc\nd"} << L {"abc\n"} << QByteArray("d");
    QTest::newRow("delimiter: cap cutting the delimiter in two")
        << delimited("\r\n", true, 4) << L {"abc\r\nx\r\n"} << L {"abc\r", "\nx\r\n"} << QByteArray();

    QTest::newRow("fixed 4: odd chunking")
        << fixed(4) << L {"a", "bcdef", "gh", "ijklmnopq"} << L {"abcd", "efgh", "ijkl", "mnop"} << QByteArray("q");
    QTest::newRow("fixed 1") << fixed(1) << L {"abc"} << L {"a", "b", "c"} << QByteArray();
    QTest::newRow("fixed 0 is 1") << fixed(0) << L {"ab"} << L {"a", "b"} << QByteArray();
    QTest::newRow("fixed 8 capped at 5") << fixed(8, 5) << L {"abcdefghijk"} << L {"abcde", "fghij"} << QByteArray("k");

    QTest::newRow("idle gap: reads 1 ms apart stay one frame")
        << config(Mode::IdleGap) << L {"ab", "cd", "ef"} << L {} << QByteArray("abcdef");
    QTest::newRow("idle gap: capped") << capped(Mode::IdleGap, 4) << L {"abc", "defghi"} << L {"abcd", "efgh"}
                                      << QByteArray("i");
}

void tst_Framer::frames()
{
    QFETCH(Config, config);
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QList<QByteArray>, expected);
    QFETCH(QByteArray, pending);

    QByteArray rest;
    QCOMPARE(run(config, chunks, &rest), expected);
    QCOMPARE(rest, pending);
}

void tst_Framer::independentOfChunking_data()
{
    QTest::addColumn<Config>("config");
    QTest::addColumn<QByteArray>("stream");

    QTest::newRow("lf") << delimited("\n") << QByteArray("one\ntwo\n\nthree\nfour");
    QTest::newRow("crlf dropped") << delimited("\r\n", false) << QByteArray("a\r\nb\r\r\n\r\nc\rd\r\n\r");
    QTest::newRow("crlf capped") << delimited("\r\n", true, 3) << QByteArray("ab\r\nabc\r\nabcd\r\n\r\n");
    QTest::newRow("hex delimiter") << delimited(QByteArray::fromHex("7e7e7e")) << QByteArray("~~x~~~~~~y~~~~z~");
    QTest::newRow("fixed 3") << fixed(3) << QByteArray("abcdefghijklmnop");
    QTest::newRow("fixed 5 capped 2") << fixed(5, 2) << QByteArray("abcdefg");
}

// A delimiter or fixed-length frame must not depend on where TCP happened to split the stream.
void tst_Framer::independentOfChunking()
{
    QFETCH(Config, config);
    QFETCH(QByteArray, stream);

    QByteArray wholeRest;
    const QList<QByteArray> whole = run(config, {stream}, &wholeRest);

    QList<QByteArray> bytes;
    for (char c : stream)
        bytes.append(QByteArray(1, c));
    QByteArray rest;
    QCOMPARE(run(config, bytes, &rest), whole);
    QCOMPARE(rest, wholeRest);

    for (qsizetype a = 0; a <= stream.size(); ++a) {
        for (qsizetype b = a; b <= stream.size(); ++b) {
            const QList<QByteArray> three {stream.left(a), stream.mid(a, b - a), stream.mid(b)};
            QCOMPARE(run(config, three, &rest), whole);
            QCOMPARE(rest, wholeRest);
        }
    }
}

void tst_Framer::timestamps()
{
    Framer framer(delimited("\n"));
    QVERIFY(framer.feed("ab", 100).isEmpty());
    QList<Framer::Frame> frames = framer.feed("c\nd\ne", 150);
    QCOMPARE(frames.size(), 2);
    QCOMPARE(frames.at(0).bytes, QByteArray("abc\n"));
    QCOMPARE(frames.at(0).firstByteMs, 100); // its first byte came with the first read
    QCOMPARE(frames.at(1).bytes, QByteArray("d\n"));
    QCOMPARE(frames.at(1).firstByteMs, 150);
    frames = framer.feed("f\n", 200);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.at(0).bytes, QByteArray("ef\n"));
    QCOMPARE(frames.at(0).firstByteMs, 150);
}

void tst_Framer::idleGap()
{
    Config c = config(Mode::IdleGap);
    c.gapMs = 20;
    Framer framer(c);
    QCOMPARE(framer.nextDeadlineMs(), -1);
    QVERIFY(framer.feed("ab", 1000).isEmpty());
    QCOMPARE(framer.nextDeadlineMs(), 1020);
    QVERIFY(framer.feed("cd", 1019).isEmpty()); // 19 ms of silence: the same burst
    QCOMPARE(framer.nextDeadlineMs(), 1039);
    QVERIFY(framer.expire(1038).isEmpty());
    QVERIFY(framer.hasPending());
    const QList<Framer::Frame> frames = framer.expire(1039);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.at(0).bytes, QByteArray("abcd"));
    QCOMPARE(frames.at(0).firstByteMs, 1000);
    QVERIFY(!framer.hasPending());
    QCOMPARE(framer.nextDeadlineMs(), -1);
    QVERIFY(framer.expire(5000).isEmpty());
}

void tst_Framer::idleGapFeedEndsOldFrame()
{
    Config c = config(Mode::IdleGap);
    c.gapMs = 50;
    Framer framer(c);
    QVERIFY(framer.feed("old", 0).isEmpty());
    // The timer was late: the next read arrives after the gap, so the old bytes are a frame before it.
    QList<Framer::Frame> frames = framer.feed("new", 50);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.at(0).bytes, QByteArray("old"));
    QCOMPARE(frames.at(0).firstByteMs, 0);
    QCOMPARE(framer.nextDeadlineMs(), 100);
    // An empty read does not count as traffic but still ends an expired frame.
    frames = framer.feed({}, 120);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.at(0).bytes, QByteArray("new"));
    QCOMPARE(frames.at(0).firstByteMs, 50);
}

void tst_Framer::expireOtherModes()
{
    Framer framer(delimited("\n"));
    framer.feed("abc", 0);
    QVERIFY(framer.hasPending());
    QCOMPARE(framer.nextDeadlineMs(), -1);
    QVERIFY(framer.expire(1000000).isEmpty());
    QVERIFY(framer.hasPending());
}

void tst_Framer::flush()
{
    Framer framer(fixed(4));
    QCOMPARE(framer.flush().bytes, QByteArray());
    framer.feed("abcdef", 7);
    const Framer::Frame frame = framer.flush();
    QCOMPARE(frame.bytes, QByteArray("ef"));
    QCOMPARE(frame.firstByteMs, 7);
    QVERIFY(!framer.hasPending());
    QCOMPARE(framer.flush().bytes, QByteArray());
    // After a flush the next frame starts fresh.
    QCOMPARE(bytesOf(framer.feed("wxyz", 8)), QList<QByteArray> {"wxyz"});

    framer.feed("ab", 9);
    framer.setConfig(delimited("\n")); // drops the pending bytes
    QVERIFY(!framer.hasPending());
}

void tst_Framer::manyFramesInOneChunk()
{
    // 200k frames in one 1.4 MB read, split while something is pending: linear work, or this test times out.
    QByteArray big;
    for (int i = 0; i < 200000; ++i)
        big.append("frame\n");
    Framer framer(delimited("\n"));
    framer.feed("x", 0);
    const QList<Framer::Frame> frames = framer.feed(big, 1);
    QCOMPARE(frames.size(), 200000);
    QCOMPARE(frames.first().bytes, QByteArray("xframe\n"));
    QCOMPARE(frames.last().bytes, QByteArray("frame\n"));
    QVERIFY(!framer.hasPending());
}

void tst_Framer::neverSendingDelimiterIsCapped()
{
    Framer framer(delimited("\n", true, 1000));
    QList<QByteArray> frames;
    const QByteArray chunk(300, 'z');
    for (int i = 0; i < 10; ++i)
        frames += bytesOf(framer.feed(chunk, i));
    QCOMPARE(frames.size(), 3);
    for (const QByteArray &frame : frames)
        QCOMPARE(frame, QByteArray(1000, 'z'));
    QCOMPARE(framer.flush().bytes, QByteArray(0, 'z'));
}

void tst_Framer::ids()
{
    for (Mode mode : {Mode::PerRead, Mode::IdleGap, Mode::Delimiter, Mode::FixedLength})
        QCOMPARE(Framer::fromId(Framer::id(mode)), mode);
    QCOMPARE(Framer::id(Mode::IdleGap), QByteArray("idle-gap"));
    QCOMPARE(Framer::id(Mode::FixedLength), QByteArray("fixed-length"));
    QCOMPARE(Framer::fromId("nonsense"), Mode::PerRead);
}

QTEST_GUILESS_MAIN(tst_Framer)
#include "tst_framer.moc"
