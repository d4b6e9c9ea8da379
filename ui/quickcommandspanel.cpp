#include "quickcommandspanel.h"

#include "bytes/hex.h"
#include "errortext.h"
#include "filedialogs.h"
#include "quickcommanddialog.h"
#include "specnames.h"
#include "statuscolors.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QSaveFile>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {
constexpr qsizetype TooltipBytes = 64;

QString fileFilter()
{
    return QuickCommandsPanel::tr("Quick commands (*.json);;All files (*)");
}
} // namespace

QuickCommandsPanel::QuickCommandsPanel(QWidget *parent)
    : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("quickCommands"));
    m_list->setAccessibleName(tr("Quick commands"));
    m_list->setToolTip(tr("Named payloads: double-click, Return or Ctrl+1..Ctrl+9 sends one"));
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->installEventFilter(this);

    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("quickCommandsScope"));
    m_scope->setAccessibleName(tr("Quick commands of"));
    m_scope->setToolTip(tr("This tab's own commands, or the list every tab shares"));
    m_scope->addItem(tr("This tab"));
    m_scope->addItem(tr("All tabs"));
    m_scope->setEnabled(false);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this](int index) { setShowsShared(index == 1); });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("quickCommandsMessage"));
    m_message->setAccessibleDescription(tr("Quick command message"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();

    m_send = addAction(QStringLiteral("quickSend"), tr("Send"), tr("Send the selected command (double-click, Return)"));
    m_add = addAction(
        QStringLiteral("quickAdd"), tr("Add\u2026"), tr("Add the send box's text and options as a command"));
    m_edit = addAction(
        QStringLiteral("quickEdit"), tr("Edit\u2026"), tr("Change the selected command's name, data or options"));
    m_delete = addAction(QStringLiteral("quickDelete"), tr("Delete"), tr("Delete the selected command"));
    m_up = addAction(QStringLiteral("quickUp"), QStringLiteral("\u2191"), tr("Move the selected command up"));
    m_down = addAction(QStringLiteral("quickDown"), QStringLiteral("\u2193"), tr("Move the selected command down"));
    m_import
        = addAction(QStringLiteral("quickImport"), tr("Import\u2026"), tr("Add the commands of a quick command file"));
    m_export = addAction(
        QStringLiteral("quickExport"), tr("Export\u2026"), tr("Save these commands to a file to share them"));
    // The context menu says it in words, the tool button (which shows iconText) with an arrow.
    m_up->setText(tr("Move up"));
    m_up->setIconText(QStringLiteral("\u2191"));
    m_down->setText(tr("Move down"));
    m_down->setIconText(QStringLiteral("\u2193"));

    auto *buttons = new QGridLayout;
    buttons->setSpacing(2);
    const QList<QAction *> rows[] = {{m_send, m_add, m_edit, m_delete}, {m_up, m_down, m_import, m_export}};
    for (int r = 0; r < 2; ++r) {
        for (int c = 0; c < rows[r].size(); ++c) {
            QAction *action = rows[r].at(c);
            auto *button = new QToolButton(this);
            button->setDefaultAction(action);
            button->setObjectName(action->objectName());
            button->setAccessibleName(action->text().remove(QChar(0x2026)));
            button->setAutoRaise(true);
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            button->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
            buttons->addWidget(button, r, c);
        }
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_scope);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_send, &QAction::triggered, this, &QuickCommandsPanel::sendCurrent);
    connect(m_add, &QAction::triggered, this, &QuickCommandsPanel::addFromEditor);
    connect(m_edit, &QAction::triggered, this, &QuickCommandsPanel::editCurrent);
    connect(m_delete, &QAction::triggered, this, &QuickCommandsPanel::deleteCurrent);
    connect(m_up, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(m_down, &QAction::triggered, this, [this] { moveCurrent(+1); });
    connect(m_import, &QAction::triggered, this, &QuickCommandsPanel::chooseImportFile);
    connect(m_export, &QAction::triggered, this, &QuickCommandsPanel::chooseExportFile);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QuickCommandsPanel::sendCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, &QuickCommandsPanel::updateActions);
    refreshList(-1);
}

QAction *QuickCommandsPanel::addAction(const QString &name, const QString &text, const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setToolTip(tip);
    m_list->addAction(action); // the list's context menu offers every action too
    return action;
}

void QuickCommandsPanel::setCommands(const QList<QuickCommand> &commands)
{
    m_own.items = commands;
    if (m_store == &m_own)
        refreshList(commands.isEmpty() ? -1 : 0);
    Q_EMIT commandsChanged();
}

void QuickCommandsPanel::setSharedStore(QuickCommandStore *shared)
{
    m_shared = shared;
    m_scope->setEnabled(shared != nullptr);
    if (shared) {
        connect(shared, &QuickCommandStore::changed, this, [this](QObject *editor) {
            if (m_store == m_shared && editor != this)
                refreshList(std::min(currentRow(), int(m_store->items.size()) - 1));
        });
    }
}

void QuickCommandsPanel::setShowsShared(bool shared)
{
    QuickCommandStore *store = shared && m_shared ? m_shared.data() : &m_own;
    m_scope->setCurrentIndex(store == &m_own ? 0 : 1);
    if (store == m_store)
        return;
    m_store = store;
    showMessage(QString(), false);
    refreshList(m_store->items.isEmpty() ? -1 : 0);
}

void QuickCommandsPanel::commit(int currentRow)
{
    refreshList(currentRow);
    Q_EMIT m_store->changed(this);
    if (m_store == &m_own)
        Q_EMIT commandsChanged();
}

QByteArray QuickCommandsPanel::toJson() const
{
    return QuickCommands::toJson(m_own.items);
}

bool QuickCommandsPanel::setFromJson(const QByteArray &json)
{
    QuickCommands::FileError error = QuickCommands::FileError::None;
    const QList<QuickCommand> commands = QuickCommands::fromJson(json, &error);
    if (error != QuickCommands::FileError::None)
        return false;
    setCommands(commands);
    return true;
}

void QuickCommandsPanel::setSendEnabled(bool enabled)
{
    m_sendEnabled = enabled;
    updateActions();
}

int QuickCommandsPanel::currentRow() const
{
    return m_list->currentRow();
}

void QuickCommandsPanel::setCurrentRow(int row)
{
    m_list->setCurrentRow(row);
}

QuickCommandDialog *QuickCommandsPanel::dialog() const
{
    return m_dialog;
}

QString QuickCommandsPanel::message() const
{
    return m_message->text();
}

bool QuickCommandsPanel::send(int row)
{
    if (row < 0 || row >= m_store->items.size() || !m_sendEnabled)
        return false;
    const QuickCommand &command = m_store->items.at(row);
    const Payload::Result result = Payload::build(command.text, command.spec);
    if (!result.ok()) { // an imported or hand-edited file can hold what the dialog would refuse
        showMessage(
            tr("\u201c%1\u201d cannot be sent: %2").arg(command.name, ErrorText::payload(result, command.text)), true);
        return false;
    }
    showMessage(QString(), false);
    Q_EMIT sendRequested(result.bytes, command.name);
    return true;
}

void QuickCommandsPanel::sendCurrent()
{
    send(currentRow());
}

void QuickCommandsPanel::addFromEditor()
{
    QuickCommand command = m_editorSource ? m_editorSource() : QuickCommand();
    command.name = command.text.simplified().left(24);
    openDialog(command, -1);
}

void QuickCommandsPanel::editCurrent()
{
    const int row = currentRow();
    if (row >= 0 && row < m_store->items.size())
        openDialog(m_store->items.at(row), row);
}

void QuickCommandsPanel::openDialog(const QuickCommand &command, int row)
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    m_dialog = new QuickCommandDialog(command, this);
    m_dialog->setWindowTitle(row < 0 ? tr("Add Quick Command") : tr("Edit Quick Command"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, row] {
        const QuickCommand command = m_dialog->command();
        if (row < 0) {
            m_store->items.append(command);
            commit(int(m_store->items.size()) - 1);
        } else if (row < m_store->items.size()) {
            m_store->items[row] = command;
            commit(row);
        }
    });
    m_dialog->open(); // window-modal without a nested event loop
}

void QuickCommandsPanel::moveCurrent(int delta)
{
    const int row = currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_store->items.size())
        return;
    m_store->items.move(row, target);
    commit(target);
}

void QuickCommandsPanel::deleteCurrent()
{
    const int row = currentRow();
    if (row < 0 || row >= m_store->items.size())
        return;
    m_store->items.removeAt(row);
    commit(qMin(row, int(m_store->items.size()) - 1));
}

bool QuickCommandsPanel::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return false;
    }
    QuickCommands::FileError error = QuickCommands::FileError::None;
    QString detail;
    const QList<QuickCommand> imported = QuickCommands::fromJson(file.readAll(), &error, &detail);
    switch (error) {
    case QuickCommands::FileError::None:
        break;
    case QuickCommands::FileError::NotJson:
        showMessage(tr("%1 is not a JSON file (%2).").arg(QDir::toNativeSeparators(path), detail), true);
        return false;
    case QuickCommands::FileError::NotQuickCommands:
        showMessage(tr("%1 is not a quick command file.").arg(QDir::toNativeSeparators(path)), true);
        return false;
    case QuickCommands::FileError::NewerVersion:
        showMessage(tr("%1 was written by a newer NetAssist.").arg(QDir::toNativeSeparators(path)), true);
        return false;
    }
    int added = 0;
    for (const QuickCommand &command : imported) {
        if (!m_store->items.contains(command)) {
            m_store->items.append(command);
            ++added;
        }
    }
    if (added > 0)
        commit(int(m_store->items.size()) - added);
    if (added == imported.size())
        showMessage(tr("Imported %n command(s).", nullptr, added), false);
    else
        showMessage(
            tr("Imported %1 of %n command(s); the others were here already.", nullptr, int(imported.size())).arg(added),
            false);
    return true;
}

bool QuickCommandsPanel::exportFile(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QuickCommands::toJson(m_store->items)) < 0 || !file.commit()) {
        showMessage(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return false;
    }
    showMessage(tr("Exported %n command(s).", nullptr, int(m_store->items.size())), false);
    return true;
}

void QuickCommandsPanel::chooseImportFile()
{
    FileDialogs::open(this, tr("Import Quick Commands"), fileFilter().split(QStringLiteral(";;")),
        "quickCommandsImportDialog", [this](const QString &path, const QString &) { importFile(path); });
}

void QuickCommandsPanel::chooseExportFile()
{
    FileDialogs::save(
        this, tr("Export Quick Commands"), fileFilter().split(QStringLiteral(";;")), "quickCommandsExportDialog",
        [this](const QString &path, const QString &) { exportFile(path); }, QStringLiteral("quick-commands.json"));
}

bool QuickCommandsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            sendCurrent();
            return true;
        }
        if (key == Qt::Key_Delete) {
            deleteCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void QuickCommandsPanel::refreshList(int currentRow)
{
    m_list->clear();
    for (int i = 0; i < m_store->items.size(); ++i) {
        const QuickCommand &command = m_store->items.at(i);
        const QString name = command.name.isEmpty() ? command.text.simplified() : command.name;
        auto *item = new QListWidgetItem(i < ShortcutCount ? tr("%1  %2").arg(i + 1).arg(name) : name, m_list);
        const Payload::Result result = Payload::build(command.text, command.spec);
        QString bytes = result.ok()
            ? Hex::format(QByteArrayView(result.bytes).first(qMin(result.bytes.size(), TooltipBytes)))
            : ErrorText::payload(result, command.text);
        if (result.ok() && result.bytes.size() > TooltipBytes)
            bytes += QStringLiteral(" \u2026");
        const QString shortcut = i < ShortcutCount ? tr("Ctrl+%1").arg(i + 1) : QString();
        item->setToolTip(
            tr("%1\n%2\n%3").arg(SpecNames::summary(command.text, command.spec), bytes, shortcut).trimmed());
    }
    m_list->setCurrentRow(currentRow);
    const QString hint = tr("No commands yet: Add\u2026 keeps the send box's data and options under a name.");
    if (m_store->items.isEmpty() && m_message->text().isEmpty())
        showMessage(hint, false);
    else if (!m_store->items.isEmpty() && m_message->text() == hint)
        showMessage(QString(), false);
    updateActions();
}

void QuickCommandsPanel::updateActions()
{
    const int row = currentRow();
    const bool selected = row >= 0 && row < m_store->items.size();
    m_send->setEnabled(selected && m_sendEnabled);
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row + 1 < m_store->items.size());
    m_export->setEnabled(!m_store->items.isEmpty());
}

void QuickCommandsPanel::showMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    StatusColors::mark(m_message, isError ? StatusColors::Error : StatusColors::Normal);
}
