#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

// File dialogs that do not block: QFileDialog's static functions run a nested event loop (exec()), in which every
// socket of every tab keeps being served from inside the slot that asked. These open a window-modal dialog and call
// done later with the chosen path and the chosen filter (never called when cancelled). The dialog is named
// objectName, so that tests and tools find it.
namespace FileDialogs {

using Done = std::function<void(const QString &path, const QString &filter)>;

void save(QWidget *parent, const QString &title, const QStringList &filters, const char *objectName, Done done,
    const QString &suggestedName = {});
void open(QWidget *parent, const QString &title, const QStringList &filters, const char *objectName, Done done);

} // namespace FileDialogs
