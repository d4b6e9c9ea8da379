#pragma once

// Small helpers shared by the LogRenderer test suites.

#include "log/logrenderer.h"
#include "log/transcript.h"

#include <QStringEncoder>
#include <QStringList>
#include <QTest>

namespace LogRendererTesting {

inline QByteArray gbk(const QString &text)
{
    QStringEncoder encoder("GBK");
    return QByteArray(encoder.encode(text));
}

inline QStringList allRows(const LogRenderer &renderer)
{
    QStringList rows;
    for (qint64 i = 0; i < renderer.rowCount(); ++i)
        rows.append(renderer.rowText(i));
    return rows;
}

inline RenderOptions plain(RenderOptions::View view = RenderOptions::View::Text, const QByteArray &encoding = "UTF-8")
{
    RenderOptions options;
    options.view = view;
    options.encoding = encoding;
    options.timestamps = false;
    return options;
}

// What a renderer that has followed the transcript with sync() must agree with.
inline void compareWithFresh(const LogRenderer &synced, const Transcript &transcript)
{
    LogRenderer fresh(&transcript);
    fresh.setOptions(synced.options());
    QCOMPARE(synced.rowCount(), fresh.rowCount());
    for (qsizetype i = 0; i < transcript.size(); ++i)
        QCOMPARE(synced.firstRowOfRecord(i), fresh.firstRowOfRecord(i));
    for (qint64 r = 0; r < fresh.rowCount(); ++r) {
        QCOMPARE(synced.recordOfRow(r), fresh.recordOfRow(r));
        QCOMPARE(synced.rowText(r), fresh.rowText(r));
    }
}
} // namespace LogRendererTesting
