#pragma once

class LogPanel;
class QSettings;
class SendPanel;

// The parts every tab shares, saved under the tab's settings group: the log's view options ("logOptions", JSON, with
// whether the log follows the send box's encoding) and the send box ("send/..."): draft, history, quick commands.
// Restore the send box first: the log follows its encoding. Read back field by field (SettingsValues), so a
// corrupt or old value only loses itself.
namespace PageSettings {

void saveLog(const LogPanel &panel, QSettings &settings);
void restoreLog(LogPanel &panel, const QSettings &settings);
void saveSend(const SendPanel &panel, QSettings &settings);
void restoreSend(SendPanel &panel, const QSettings &settings);

} // namespace PageSettings
