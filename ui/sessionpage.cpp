#include "sessionpage.h"

#include "autoreplydialog.h"
#include "capturecontrol.h"
#include "log/sessionrecorder.h"
#include "logpanel.h"
#include "logsearchbar.h"
#include "pagesettings.h"
#include "receiveoptions.h"
#include "sendpanel.h"
#include "sequencepanel.h"
#include "session/autoresponder.h"
#include "session/tabmodel.h"
#include "session/transcriptcapture.h"
#include "settingsvalues.h"
#include "statuscolors.h"
#include "text/codecs.h"

#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>

#include <utility>

namespace {
// Framing and auto-reply rules: the model's own JSON, stored as one compact string.
const QString ReceiveKey = QStringLiteral("receive");
const QString SequencesVisibleKey = QStringLiteral("sequencesVisible");
} // namespace

SessionPage::SessionPage(TabModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    m_model->setParent(this);
}

// The model (and with it the session) goes before the widgets that show it, so that no widget is asked to show a
// session that is closing.
SessionPage::~SessionPage()
{
    delete std::exchange(
        m_sequences, nullptr); // first of all: a run must end while the session it talks to is still whole
    delete m_model;
}

Session *SessionPage::session() const
{
    return m_model->session();
}

Transcript *SessionPage::transcript()
{
    return m_model->transcript();
}

SessionRecorder *SessionPage::recorder() const
{
    return m_model->recorder();
}

AutoResponder *SessionPage::autoResponder() const
{
    return m_model->autoResponder();
}

void SessionPage::attach(QSplitter *logSplitter, QSplitter *sendSplitter)
{
    // The Sequences panel sits beside the log (the send box's row is already as wide as the window), in a
    // splitter of its own.
    auto *beside = new QSplitter(Qt::Horizontal, logSplitter);
    beside->setObjectName(QStringLiteral("sequenceSplitter")); // kept with the tab's splitters
    m_log = new LogPanel(m_model->transcript(), beside);
    beside->addWidget(m_log);
    m_sequences = new SequencePanel(session(), recorder(), beside);
    m_sequences->setObjectName(QStringLiteral("sequencePanel"));
    m_sequences->setPeerSource([this] { return sequencePeer(); });
    m_sequences->hide();
    beside->addWidget(m_sequences);
    beside->setStretchFactor(0, 1);
    beside->setStretchFactor(1, 1);
    logSplitter->addWidget(beside);
    m_log->addToolRow(createReceiveRow());
    connect(m_sequencesToggle, &QToolButton::toggled, m_sequences, &QWidget::setVisible);
    m_send = new SendPanel(sendSplitter);
    sendSplitter->addWidget(m_send);
    sendSplitter->setStretchFactor(0, 3);
    sendSplitter->setStretchFactor(sendSplitter->indexOf(m_send), 1);
    // Timed send and file transfers explain themselves in the log, between the records they caused.
    connect(m_send, &SendPanel::timedSendStopped, m_model, &TabModel::note);
    connect(m_send, &SendPanel::logNote, m_model, &TabModel::note);
    m_log->searchBar()->setPeerFilterEnabled(session()->traits().peers == Session::Peers::Many);

    auto *clear = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    clear->setContext(Qt::WidgetWithChildrenShortcut);
    connect(clear, &QShortcut::activated, m_log, &LogPanel::clearLog);
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, m_log, &LogPanel::openSearch);

    // One encoding per tab: the send box's, which the log follows unless set apart; a new tab starts with the one the
    // system's programs speak.
    Payload::Spec spec = m_send->spec();
    spec.encoding = Codecs::systemDefault();
    m_send->setSpec(spec);
    m_log->setTabEncoding(spec.encoding);
    connect(m_send, &SendPanel::specChanged, m_log, [this] { m_log->setTabEncoding(m_send->spec().encoding); });

    // Patterns match, and captured text decodes, in the encoding the log shows.
    auto followEncoding = [this] { m_model->setTextEncoding(m_log->options().encoding); };
    connect(m_log, &LogPanel::optionsChanged, this, followEncoding);
    followEncoding();
}

QWidget *SessionPage::createReceiveRow()
{
    auto *row = new QWidget;
    row->setObjectName(QStringLiteral("receiveRow"));
    m_framing = new ReceiveOptions(row);
    m_framing->setObjectName(QStringLiteral("receiveOptions"));
    m_framing->setDatagrams(session()->traits().delivery == Session::Delivery::Datagrams);
    m_framing->setConfig(recorder()->framing());
    connect(recorder(), &SessionRecorder::framingChanged, m_framing, &ReceiveOptions::setConfig);
    connect(m_framing, &ReceiveOptions::framingChanged, this, [this](const Framer::Config &config) {
        const bool wasPerRead = recorder()->framing().mode == Framer::Mode::PerRead;
        recorder()->setFraming(config);
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
    connect(m_autoReplyToggle, &QCheckBox::toggled, autoResponder(), &AutoResponder::setEnabled);
    m_autoReplyRules = new QToolButton(row);
    m_autoReplyRules->setText(tr("Rules…"));
    m_autoReplyRules->setAutoRaise(true);
    m_autoReplyRules->setObjectName(QStringLiteral("autoReplyRules"));
    m_autoReplyRules->setAccessibleName(tr("Auto-reply rules"));
    m_autoReplyRules->setToolTip(tr("Edit the rules that answer received data"));
    connect(m_autoReplyRules, &QToolButton::clicked, this, &SessionPage::editAutoReplyRules);
    connect(autoResponder(), &AutoResponder::changed, this, &SessionPage::updateAutoReplyControls);

    m_capture = new CaptureControl(m_model->capture(), row);
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
    m_sequencesToggle = new QToolButton(row);
    m_sequencesToggle->setObjectName(QStringLiteral("sequencesToggle"));
    m_sequencesToggle->setText(tr("Sequences"));
    m_sequencesToggle->setAccessibleName(tr("Show sequences"));
    m_sequencesToggle->setToolTip(tr("Show or hide the send-and-expect checks of this tab"));
    m_sequencesToggle->setCheckable(true);
    m_sequencesToggle->setAutoRaise(true);
    layout->addWidget(m_sequencesToggle);
    updateAutoReplyControls();
    return row;
}

void SessionPage::updateAutoReplyControls()
{
    const QSignalBlocker blocker(m_autoReplyToggle);
    m_autoReplyToggle->setChecked(autoResponder()->isEnabled());
    QString summary = tr("%n rule(s)", nullptr, int(autoResponder()->rules().size()));
    if (autoResponder()->echo())
        summary = tr("%1, echo on").arg(summary);
    m_autoReplyToggle->setToolTip(tr("Answer received data automatically (%1)").arg(summary));
}

void SessionPage::editAutoReplyRules()
{
    auto *dialog = new AutoReplyDialog(this);
    dialog->setObjectName(QStringLiteral("autoReplyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTextEncoding(autoResponder()->textEncoding());
    dialog->setRules(autoResponder()->rules());
    dialog->setEcho(autoResponder()->echo());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        autoResponder()->setRules(dialog->rules());
        autoResponder()->setEcho(dialog->echo());
    });
    dialog->open();
}

void SessionPage::saveSettings(QSettings &settings) const
{
    saveOwnSettings(settings);
    PageSettings::saveLog(*m_log, settings);
    PageSettings::saveSend(*m_send, settings);
    m_sequences->saveSettings(settings);
    settings.setValue(SequencesVisibleKey, m_sequencesToggle->isChecked());
    settings.setValue(
        ReceiveKey, QString::fromUtf8(QJsonDocument(m_model->receiveSettings()).toJson(QJsonDocument::Compact)));
}

void SessionPage::restoreSettings(const QSettings &settings)
{
    restoreOwnSettings(settings);
    // Receive settings first: switching framing on also turns the log's delta column on, which the log's own
    // saved options may then turn off again.
    const QJsonObject receive = QJsonDocument::fromJson(SettingsValues::text(settings, ReceiveKey).toUtf8()).object();
    m_model->setReceiveSettings(receive);
    PageSettings::restoreSend(*m_send, settings);
    PageSettings::restoreLog(*m_log, settings);
    m_sequences->restoreSettings(settings);
    m_sequencesToggle->setChecked(SettingsValues::flag(settings, SequencesVisibleKey, false));
}

void SessionPage::sequencePeerChanged()
{
    if (m_sequences)
        m_sequences->updateActions();
}

bool SessionPage::startCapture(const QString &path, CaptureFile::Format format, bool append)
{
    return m_model->capture()->start(path, format, append);
}

void SessionPage::stopCapture()
{
    m_model->capture()->stop();
}

bool SessionPage::isCapturing() const
{
    return m_model->capture()->isCapturing();
}

QString SessionPage::captureError() const
{
    return m_model->capture()->errorString();
}

void SessionPage::showProblem(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    StatusColors::mark(label, StatusColors::Error);
}

void SessionPage::showState(QLabel *label, const QString &text, bool isError)
{
    label->setText(text);
    StatusColors::mark(label, isError ? StatusColors::Error : StatusColors::Normal);
    QFont font = label->font();
    font.setBold(isError);
    label->setFont(font);
}
