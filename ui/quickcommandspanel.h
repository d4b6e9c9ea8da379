#pragma once

#include "bytes/quickcommand.h"
#include "quickcommandstore.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QuickCommandDialog;

// Named payloads sent with one click: a list ("quickCommands") with Send, Add (from the send box), Edit, Up, Down,
// Delete, and Import / Export of the human-readable QuickCommands JSON file. Double-click or Return sends; the send
// panel maps Ctrl+1..Ctrl+9 to the first nine, which the list numbers. Adding and editing go through
// QuickCommandDialog, which only accepts a command whose bytes can be built.
// Two lists: the tab's own and, when the window gives one (setSharedStore), one shared by every tab; the scope
// ("quickCommandsScope") chooses which the panel shows and edits, and Ctrl+1..9 send from the one shown.
// Persistence is the owner's: commands() / setCommands() (the tab's own) or toJson() / setFromJson(), and
// commandsChanged(); the shared list is the window's.
class QuickCommandsPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int ShortcutCount = 9;

    explicit QuickCommandsPanel(QWidget *parent = nullptr);

    // The tab's own commands.
    QList<QuickCommand> commands() const { return m_own.items; }
    void setCommands(const QList<QuickCommand> &commands);
    void setSharedStore(QuickCommandStore *shared);
    bool showsShared() const { return m_store != &m_own; }
    void setShowsShared(bool shared);
    QByteArray toJson() const; // the QuickCommands file format
    // Replaces the list; a malformed document changes nothing and returns false.
    bool setFromJson(const QByteArray &json);

    // Where Add takes the new command's text and options from (the send box).
    void setEditorSource(std::function<QuickCommand()> source) { m_editorSource = std::move(source); }
    void setSendEnabled(bool enabled);
    int currentRow() const;
    void setCurrentRow(int row);
    QuickCommandDialog *dialog() const; // the open Add / Edit dialog, if any
    QString message() const; // the last import / export / send problem or result, as shown under the list

public Q_SLOTS:
    // Builds the command's bytes and emits sendRequested; false (and the reason shown) when they cannot be built.
    bool send(int row);
    void sendCurrent();
    void addFromEditor();
    void editCurrent();
    void moveCurrent(int delta);
    void deleteCurrent();
    // Appends the file's commands (skipping exact duplicates); false and the reason shown when it cannot be read.
    bool importFile(const QString &path);
    bool exportFile(const QString &path);

Q_SIGNALS:
    void sendRequested(const QByteArray &bytes, const QString &name);
    void commandsChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAction *addAction(const QString &name, const QString &text, const QString &tip);
    void openDialog(const QuickCommand &command, int row);
    void refreshList(int currentRow);
    void updateActions();
    void showMessage(const QString &text, bool isError);
    // After an edit of the list shown: every panel showing it follows; the owner hears of its own list.
    void commit(int currentRow);
    void chooseImportFile();
    void chooseExportFile();

    QListWidget *m_list = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_send = nullptr;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_up = nullptr;
    QAction *m_down = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QComboBox *m_scope = nullptr;
    QuickCommandStore m_own;
    QPointer<QuickCommandStore> m_shared;
    QuickCommandStore *m_store = &m_own; // the list shown
    std::function<QuickCommand()> m_editorSource;
    QPointer<QuickCommandDialog> m_dialog;
    bool m_sendEnabled = false;
};
