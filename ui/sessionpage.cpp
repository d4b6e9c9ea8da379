#include "sessionpage.h"

#include "log/sessionrecorder.h"
#include "logpanel.h"
#include "net/session.h"
#include "sendpanel.h"

#include <QLabel>
#include <QShortcut>
#include <QSplitter>

SessionPage::SessionPage(QWidget *parent)
    : QWidget(parent)
{
}

void SessionPage::attach(Session *session, QSplitter *logSplitter, QSplitter *sendSplitter)
{
    new SessionRecorder(session, &m_transcript, this);
    m_log = new LogPanel(&m_transcript, logSplitter);
    logSplitter->addWidget(m_log);
    m_send = new SendPanel(sendSplitter);
    sendSplitter->addWidget(m_send);
    sendSplitter->setStretchFactor(0, 3);
    sendSplitter->setStretchFactor(sendSplitter->indexOf(m_send), 1);

    auto *clear = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    clear->setContext(Qt::WidgetWithChildrenShortcut);
    connect(clear, &QShortcut::activated, m_log, &LogPanel::clearLog);
}

void SessionPage::showProblem(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    label->setStyleSheet(QStringLiteral("color: #d03030;"));
}

void SessionPage::showState(QLabel *label, const QString &text, bool isError)
{
    label->setText(text);
    label->setStyleSheet(isError ? QStringLiteral("color: #d03030; font-weight: bold;") : QString());
}
