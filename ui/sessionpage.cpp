#include "sessionpage.h"

#include "autoreplydialog.h"
#include "autoresponder.h"
#include "capturecontrol.h"
#include "log/sessionrecorder.h"
#include "logpanel.h"
#include "logsearchbar.h"
#include "net/session.h"
#include "net/tcpserversession.h"
#include "receiveoptions.h"
#include "sendpanel.h"

#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>

SessionPage::SessionPage(QWidget *parent)
    : QWidget(parent)
{ }

void SessionPage::attach(Session *session, QSplitter *logSplitter, QSplitter *sendSplitter)
{
    m_recorder = new SessionRecorder(session, &m_transcript, this);
    m_autoReply = new AutoResponder(session, m_recorder, this);
    m_log = new LogPanel(&m_transcript, logSplitter);
    logSplitter->addWidget(m_log);
    m_log->addToolRow(createReceiveRow(session));
    m_send = new SendPanel(sendSplitter);
    sendSplitter->addWidget(m_send);
    sendSplitter->setStretchFactor(0, 3);
    sendSplitter->setStretchFactor(sendSplitter->indexOf(m_send), 1);
    // Timed send and file transfers explain themselves in the log, between the records they caused.
    const auto note = [this](const QString &text) { m_transcript.appendEvent(EventKind::Note, QString(), text); };
    connect(m_send, &SendPanel::timedSendStopped, this, note);
    connect(m_send, &SendPanel::logNote, this, note);
    // Only a server has several peers to tell apart.
    m_log->searchBar()->setPeerFilterEnabled(qobject_cast<TcpServerSession *>(session) != nullptr);

    auto *clear = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    clear->setContext(Qt::WidgetWithChildrenShortcut);
    connect(clear, &QShortcut::activated, m_log, &LogPanel::clearLog);
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, m_log, &LogPanel::openSearch);

    // Patterns match, and captured text decodes, in the encoding the log shows.
    auto followEncoding = [this] {
        const QByteArray encoding = m_log->options().encoding;
        m_autoReply->setTextEncoding(encoding);
        m_capture->setTextEncoding(encoding);
    };
    connect(m_log, &LogPanel::optionsChanged, this, followEncoding);
    followEncoding();
}

QWidget *SessionPage::createReceiveRow(Session *session)
{
    Q_UNUSED(session)
    auto *row = new QWidget;
    row->setObjectName(QStringLiteral("receiveRow"));
    m_framing = new ReceiveOptions(row);
    m_framing->setObjectName(QStringLiteral("receiveOptions"));
    connect(m_framing, &ReceiveOptions::framingChanged, this, [this](const Framer::Config &config) {
        const bool wasPerRead = m_recorder->framing().mode == Framer::Mode::PerRead;
        m_recorder->setFraming(config);
        // Framing is about telling replies apart: show the gap between frames from the moment it is turned on.
        if (wasPerRead && config.mode != Framer::Mode::PerRead && !m_log->options().showDelta) {
            RenderOptions options = m_log->options();
            options.showDelta = true;
            m_log->setOptions(options);
        }
    });

    m_autoReplyToggle = new QCheckBox(tr("Auto-reply"), row);
    m_autoReplyToggle->setObjectName(QStringLiteral("autoReplyToggle"));
    m_autoReplyToggle->setAccessibleName(tr("Auto-reply"));
    connect(m_autoReplyToggle, &QCheckBox::toggled, m_autoReply, &AutoResponder::setEnabled);
    m_autoReplyRules = new QToolButton(row);
    m_autoReplyRules->setText(tr("Rules…"));
    m_autoReplyRules->setAutoRaise(true);
    m_autoReplyRules->setObjectName(QStringLiteral("autoReplyRules"));
    m_autoReplyRules->setAccessibleName(tr("Auto-reply rules"));
    m_autoReplyRules->setToolTip(tr("Edit the rules that answer received data"));
    connect(m_autoReplyRules, &QToolButton::clicked, this, &SessionPage::editAutoReplyRules);
    connect(m_autoReply, &AutoResponder::changed, this, &SessionPage::updateAutoReplyControls);

    m_capture = new CaptureControl(&m_transcript, row);
    m_capture->setObjectName(QStringLiteral("captureControl"));

    auto separator = [row] {
        auto *line = new QFrame(row);
        line->setFrameShape(QFrame::VLine);
        line->setFrameShadow(QFrame::Sunken);
        return line;
    };
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_framing);
    layout->addWidget(separator());
    layout->addWidget(m_autoReplyToggle);
    layout->addWidget(m_autoReplyRules);
    layout->addWidget(separator());
    layout->addWidget(m_capture, 1);
    updateAutoReplyControls();
    return row;
}

void SessionPage::updateAutoReplyControls()
{
    const QSignalBlocker blocker(m_autoReplyToggle);
    m_autoReplyToggle->setChecked(m_autoReply->isEnabled());
    const qsizetype rules = m_autoReply->rules().size();
    QString summary = rules == 1 ? tr("1 rule") : tr("%n rules", nullptr, int(rules)); // see LogPanel's "1 byte"
    if (m_autoReply->echo())
        summary = tr("%1, echo on").arg(summary);
    m_autoReplyToggle->setToolTip(tr("Answer received data automatically (%1)").arg(summary));
}

void SessionPage::editAutoReplyRules()
{
    auto *dialog = new AutoReplyDialog(this);
    dialog->setObjectName(QStringLiteral("autoReplyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTextEncoding(m_autoReply->textEncoding());
    dialog->setRules(m_autoReply->rules());
    dialog->setEcho(m_autoReply->echo());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_autoReply->setRules(dialog->rules());
        m_autoReply->setEcho(dialog->echo());
    });
    dialog->open();
}

bool SessionPage::startCapture(const QString &path, CaptureFile::Format format, bool append)
{
    return m_capture->startCapture(path, format, append);
}

void SessionPage::stopCapture()
{
    m_capture->stopCapture();
}

bool SessionPage::isCapturing() const
{
    return m_capture->isCapturing();
}

QString SessionPage::captureError() const
{
    return m_capture->errorString();
}

QJsonObject SessionPage::receiveSettings() const
{
    return {{QStringLiteral("framing"), ReceiveOptions::toJson(m_framing->config())},
        {QStringLiteral("autoReply"), m_autoReply->toJson()}};
}

void SessionPage::setReceiveSettings(const QJsonObject &settings)
{
    m_framing->setConfig(ReceiveOptions::fromJson(settings.value(QStringLiteral("framing")).toObject()));
    m_autoReply->fromJson(settings.value(QStringLiteral("autoReply")).toObject());
}

QJsonArray SessionPage::autoReplyRulesJson() const
{
    return m_autoReply->rulesJson();
}

void SessionPage::setAutoReplyRulesJson(const QJsonArray &rules)
{
    m_autoReply->setRulesJson(rules);
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
