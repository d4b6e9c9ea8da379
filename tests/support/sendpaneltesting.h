#pragma once

// The SendPanel fixture shared by the SendPanel test suites.

#include "sendpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>

namespace SendPanelTesting {

// The panel as a user sees it: shown, with a peer, its widgets found by objectName like a screen reader would.
struct Fixture
{
    SendPanel panel;
    QPlainTextEdit *editor = nullptr;
    QComboBox *mode = nullptr;
    QComboBox *encoding = nullptr;
    QCheckBox *escapes = nullptr;
    QComboBox *lineEnding = nullptr;
    QComboBox *checksum = nullptr;
    QComboBox *order = nullptr;
    QLabel *preview = nullptr;
    QLabel *byteCount = nullptr;
    QLabel *error = nullptr;
    QComboBox *history = nullptr;
    QPushButton *send = nullptr;
    QSignalSpy sent {&panel, &SendPanel::sendRequested};

    Fixture()
    {
        editor = panel.findChild<QPlainTextEdit *>(QStringLiteral("sendEditor"));
        mode = panel.findChild<QComboBox *>(QStringLiteral("sendMode"));
        encoding = panel.findChild<QComboBox *>(QStringLiteral("sendEncoding"));
        escapes = panel.findChild<QCheckBox *>(QStringLiteral("sendEscapes"));
        lineEnding = panel.findChild<QComboBox *>(QStringLiteral("sendLineEnding"));
        checksum = panel.findChild<QComboBox *>(QStringLiteral("sendChecksum"));
        order = panel.findChild<QComboBox *>(QStringLiteral("sendChecksumOrder"));
        preview = panel.findChild<QLabel *>(QStringLiteral("sendPreview"));
        byteCount = panel.findChild<QLabel *>(QStringLiteral("sendByteCount"));
        error = panel.findChild<QLabel *>(QStringLiteral("sendError"));
        history = panel.findChild<QComboBox *>(QStringLiteral("sendHistory"));
        send = panel.findChild<QPushButton *>(QStringLiteral("sendButton"));
        panel.setPeerAvailable(true);
        panel.resize(800, 240);
        panel.show();
    }
    bool complete() const
    {
        return editor && mode && encoding && escapes && lineEnding && checksum && order && preview && byteCount && error
            && history && send;
    }
    // Picks an item the way a user does: the panel reacts to currentIndexChanged, as for a mouse choice.
    static bool choose(QComboBox *combo, const QVariant &data)
    {
        const int index = combo->findData(data);
        if (index >= 0)
            combo->setCurrentIndex(index);
        return index >= 0;
    }
    bool chooseText(QComboBox *combo, const QString &text)
    {
        const int index = combo->findText(text);
        if (index >= 0)
            combo->setCurrentIndex(index);
        return index >= 0;
    }
    void type(const QString &text)
    {
        editor->setFocus();
        editor->insertPlainText(text); // what a paste or an input method commit does
    }
    QByteArray lastSent() const { return sent.isEmpty() ? QByteArray() : sent.last().at(0).toByteArray(); }
};

} // namespace SendPanelTesting
