#pragma once

#include "log/framer.h"
#include "log/logrenderer.h"

#include <QJsonObject>

// The log's settings as JSON, for a tab's settings and files. Reading never fails: a missing or bad field takes its
// default, unknown keys are ignored.
namespace FramingJson {
// {"mode": "delimiter", "gapMs": 20, "delimiter": "0D 0A", "length": 8}
QJsonObject toJson(const Framer::Config &config);
Framer::Config fromJson(const QJsonObject &object);
} // namespace FramingJson

namespace RenderOptionsJson {
// {"view": "hex", "encoding": "GBK", "timestamps": true, "showPeer": true, "visibleControls": false,
//  "showDelta": false}. The filters are not settings: a search sets them for the moment.
QJsonObject toJson(const RenderOptions &options);
// Fields missing from object keep their value in base; an encoding this Qt lacks keeps base's.
RenderOptions fromJson(const QJsonObject &object, const RenderOptions &base = {});
} // namespace RenderOptionsJson
