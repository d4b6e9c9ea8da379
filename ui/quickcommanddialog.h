#pragma once

#include "bytes/quickcommand.h"

#include <QDialog>

class PayloadOptionsBar;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// Adds or edits one quick command: its name, its text and the options that turn the text into bytes, with the
// same live preview of the exact bytes as the send box. OK is only possible for a named command whose bytes can
// be built, so a saved command always sends.
class QuickCommandDialog : public QDialog
{
    Q_OBJECT
public:
    explicit QuickCommandDialog(const QuickCommand &command, QWidget *parent = nullptr);

    QuickCommand command() const;

private:
    void refresh();

    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_text = nullptr;
    PayloadOptionsBar *m_options = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
