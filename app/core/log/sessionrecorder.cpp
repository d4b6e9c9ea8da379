#include "log/sessionrecorder.h"
