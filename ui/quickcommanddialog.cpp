#include "quickcommanddialog.h"

#include "bytes/hex.h"
#include "errortext.h"
#include "payloadoptionsbar.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr qsizetype PreviewLimit = 128;
}

QuickCommandDialog::QuickCommandDialog(const QuickCommand &command, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("quickCommandDialog"));
    setWindowTitle(tr("Quick Command"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_name = new QLineEdit(command.name, this);
    m_name->setObjectName(QStringLiteral("quickCommandName"));
    m_name->setAccessibleName(tr("Command name"));
    m_name->setToolTip(tr("The name shown in the quick command list"));

    m_options = new PayloadOptionsBar(QStringLiteral("quickCommand"), this);
    m_options->setSpec(command.spec);

    m_text = new QPlainTextEdit(command.text, this);
    m_text->setObjectName(QStringLiteral("quickCommandText"));
    m_text->setAccessibleName(tr("Command data"));
    m_text->setToolTip(tr("The text or hex bytes to send, read with the options above"));
    m_text->setFont(fixed);
    m_text->setTabChangesFocus(true);

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("quickCommandPreview"));
    m_preview->setAccessibleDescription(tr("Bytes the command sends"));
    m_preview->setToolTip(tr("The exact bytes this command sends, in hex"));
    m_preview->setFont(fixed);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("quickCommandError"));
    m_error->setAccessibleDescription(tr("Why the command cannot be saved"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("quickCommandButtons"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_options);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_preview);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(640, 320);

    connect(m_name, &QLineEdit::textChanged, this, &QuickCommandDialog::refresh);
    connect(m_text, &QPlainTextEdit::textChanged, this, &QuickCommandDialog::refresh);
    connect(m_options, &PayloadOptionsBar::modeChanged, this, &QuickCommandDialog::refresh);
    connect(m_options, &PayloadOptionsBar::optionChanged, this, &QuickCommandDialog::refresh);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

QuickCommand QuickCommandDialog::command() const
{
    return {m_name->text().trimmed(), m_text->toPlainText(), m_options->spec()};
}

void QuickCommandDialog::refresh()
{
    const QuickCommand current = command();
    const Payload::Result result = Payload::build(current.text, current.spec);
    QString problem;
    if (current.name.isEmpty())
        problem = tr("Give the command a name.");
    else if (!result.ok())
        problem = ErrorText::payload(result, current.text);
    if (result.ok()) {
        QString preview = Hex::format(QByteArrayView(result.bytes).first(qMin(result.bytes.size(), PreviewLimit)));
        if (result.bytes.size() > PreviewLimit)
            preview += QStringLiteral(" \u2026");
        m_preview->setText(tr("%1  (%2 bytes)").arg(preview).arg(result.bytes.size()));
    } else {
        m_preview->clear();
    }
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(problem.isEmpty());
    ok->setToolTip(problem);
}
