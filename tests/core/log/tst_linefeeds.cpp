#include "log/linefeeds.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

LineFeeds::Found byOneByte(const QByteArray &bytes)
{
    LineFeeds::Found out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++out.count;
            out.last = i;
        }
    }
    return out;
}

} // namespace

class tst_LineFeeds : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void edges_data();
    void edges();
    void randomAgainstByteLoop();
};

void tst_LineFeeds::edges_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one LF") << QByteArray("\n");
    QTest::newRow("no LF, 40 bytes") << QByteArray(40, 'x');
    QTest::newRow("all LF, 33 bytes") << QByteArray(33, '\n');
    QTest::newRow("LF at 7, 8, 15, 16, 31") << [] {
        QByteArray b(32, 'x');
        for (int i : {7, 8, 15, 16, 31})
            b[i] = '\n';
        return b;
    }();
    // Bytes that differ from LF in one bit, and bytes with the high bit set, must not count.
    QTest::newRow("near misses") << QByteArray(
        "\x0b\x08\x8a\x0a\xff\x00\x1a\x4a\x0e\x02\x0a\x8a\x0a\x0a\x7f\x80\x0a", 17);
}

void tst_LineFeeds::edges()
{
    QFETCH(QByteArray, bytes);
    const LineFeeds::Found want = byOneByte(bytes);
    for (const auto &found :
        {LineFeeds::find(bytes.constData(), bytes.size()), LineFeeds::findPortable(bytes.constData(), bytes.size())}) {
        QCOMPARE(found.count, want.count);
        QCOMPARE(found.last, want.last);
    }
}

// Any length (so every tail size), any start offset (unaligned loads), any density of LFs among all byte values.
void tst_LineFeeds::randomAgainstByteLoop()
{
    QRandomGenerator random(20261125);
    for (int round = 0; round < 2000; ++round) {
        QByteArray buffer(random.bounded(600), Qt::Uninitialized);
        const int odds = 1 + random.bounded(64);
        for (char &c : buffer)
            c = random.bounded(odds) == 0 ? '\n' : char(random.bounded(256));
        const qsizetype offset = buffer.isEmpty() ? 0 : random.bounded(qMin<qsizetype>(buffer.size(), 17));
        const QByteArray bytes = buffer.mid(offset);
        const LineFeeds::Found want = byOneByte(bytes);
        const char *data = buffer.constData() + offset;
        const LineFeeds::Found fast = LineFeeds::find(data, bytes.size());
        const LineFeeds::Found portable = LineFeeds::findPortable(data, bytes.size());
        QCOMPARE(fast.count, want.count);
        QCOMPARE(fast.last, want.last);
        QCOMPARE(portable.count, want.count);
        QCOMPARE(portable.last, want.last);
    }
}

QTEST_APPLESS_MAIN(tst_LineFeeds)
#include "tst_linefeeds.moc"
