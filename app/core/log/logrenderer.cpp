#include "log/logrenderer.h"
