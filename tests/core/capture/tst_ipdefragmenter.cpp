#include "capture/ipdefragmenter.h"

#include <QTest>

namespace {

DecodedPacket fragment(quint32 id, int offset, const QByteArray &bytes, bool more, qint64 length = -1)
{
    DecodedPacket p;
    p.kind = DecodedPacket::Kind::Fragment;
    p.protocol = 17;
    p.source = {10, 0, 0, 1};
    p.destination = {10, 0, 0, 2};
    p.fragmentId = id;
    p.fragmentOffset = offset;
    p.moreFragments = more;
    p.payload = QByteArrayView(bytes);
    p.payloadLength = length < 0 ? bytes.size() : length;
    return p;
}

} // namespace

class tst_IpDefragmenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inOrderAndReversed_data();
    void inOrderAndReversed();
    void overlapKeepsTheLowerOffsetsBytes();
    void duplicateFragmentIsIgnored();
    void cutFragmentNeverCompletes();
    void boundedPending();
};

void tst_IpDefragmenter::inOrderAndReversed_data()
{
    QTest::addColumn<bool>("reversed");
    QTest::newRow("in order") << false;
    QTest::newRow("last first") << true;
}

void tst_IpDefragmenter::inOrderAndReversed()
{
    QFETCH(bool, reversed);
    // Fragment payloads must outlive add(): the defragmenter copies them.
    const QList<QByteArray> pieces {QByteArray(16, 'a'), QByteArray(16, 'b'), QByteArray("tail")};
    QList<int> order {0, 1, 2};
    if (reversed)
        order = {2, 1, 0};
    IpDefragmenter d;
    for (int i = 0; i < 3; ++i) {
        const int n = order[i];
        const bool done = d.add(fragment(5, n * 16, pieces[n], n < 2), 10 + i, 100 * i);
        QCOMPARE(done, i == 2);
    }
    QCOMPARE(d.completed().transport, pieces[0] + pieces[1] + pieces[2]);
    QCOMPARE(d.completed().fragments, 3);
    QCOMPARE(d.completed().firstFrame, 10);
    QCOMPARE(d.completed().firstOffset, 0);
    QCOMPARE(d.pendingDatagrams(), 0);
    QCOMPARE(d.abandonedFragments(), 0);
}

void tst_IpDefragmenter::overlapKeepsTheLowerOffsetsBytes()
{
    IpDefragmenter d;
    const QByteArray first("AAAAAAAAAAAAAAAA");
    const QByteArray second("bbbbbbbbbbbbbbbb"); // starts at 8: overlaps the first half
    QVERIFY(!d.add(fragment(1, 0, first, true), 1, 0));
    QVERIFY(d.add(fragment(1, 8, second, false), 2, 0));
    QCOMPARE(d.completed().transport, QByteArray("AAAAAAAAAAAAAAAAbbbbbbbb"));
}

void tst_IpDefragmenter::duplicateFragmentIsIgnored()
{
    IpDefragmenter d;
    const QByteArray a(8, 'a');
    const QByteArray b("bb");
    QVERIFY(!d.add(fragment(1, 0, a, true), 1, 0));
    QVERIFY(!d.add(fragment(1, 0, a, true), 2, 0));
    QVERIFY(d.add(fragment(1, 8, b, false), 3, 0));
    QCOMPARE(d.completed().transport, a + b);
    QCOMPARE(d.completed().fragments, 3);
}

void tst_IpDefragmenter::cutFragmentNeverCompletes()
{
    IpDefragmenter d;
    const QByteArray cut(8, 'c'); // 16 bytes on the wire, 8 captured
    const QByteArray last("zz");
    QVERIFY(!d.add(fragment(1, 0, cut, true, 16), 1, 0));
    QVERIFY(!d.add(fragment(1, 16, last, false), 2, 0));
    QCOMPARE(d.pendingDatagrams(), 1);
    QCOMPARE(d.pendingFragments(), 2);
}

void tst_IpDefragmenter::boundedPending()
{
    IpDefragmenter d;
    const QByteArray piece(1000, 'p');
    for (int i = 0; i < IpDefragmenter::MaxPending + 10; ++i)
        QVERIFY(!d.add(fragment(quint32(i), 0, piece, true), i + 1, 0));
    QCOMPARE(d.pendingDatagrams(), IpDefragmenter::MaxPending);
    QCOMPARE(d.abandonedFragments(), 10);
    // The oldest went first: datagram 0 is gone, so its last fragment completes nothing; the newest still can.
    QVERIFY(!d.add(fragment(0, 1000, piece, false), 1000, 0));
    QVERIFY(d.add(fragment(quint32(IpDefragmenter::MaxPending + 9), 1000, piece, false), 1001, 0));

    // Bytes are bounded too: 17 datagrams of 1 MiB exceed 16 MiB.
    IpDefragmenter big;
    const QByteArray mib(1024 * 1024, 'm');
    for (int i = 0; i < 17; ++i)
        big.add(fragment(quint32(i), 0, mib, true), i + 1, 0);
    QCOMPARE(big.pendingDatagrams(), 16);
    QCOMPARE(big.abandonedFragments(), 1);
}

QTEST_APPLESS_MAIN(tst_IpDefragmenter)
#include "tst_ipdefragmenter.moc"
