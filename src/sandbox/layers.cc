#include "sandbox/layers.h"

#include "sandbox/rng.h"
#include "sandbox/route_parts.h"
#include "sandbox/socket_reset.h"

namespace cinelake::sandbox {
namespace {

Reply Dropped(const httplib::Request& http) {
  ResetConnection(http);
  Reply r;
  r.dropped = true;
  return r;
}

Reply WithRetryAfter(Reply r, int seconds) {
  r.retry_after_s = seconds;
  return r;
}

}  // namespace

Reply CountingLayer::Handle(Request& request) {
  const Api api = ApiOf(request.route.kind);
  stats().CountRequest(request.route.kind);
  stats().Enter(api);
  Reply reply = Inner(request);
  if (!reply.dropped) stats().CountStatus(reply.status);
  stats().Leave(api);
  return reply;
}

Reply AuthLayer::Handle(Request& request) {
  std::optional<std::string> key = api_.Authenticate(request.http);
  if (!key) {
    stats().CountUnauthorized(api_.api());
    return api_.Error(ApiError::kUnauthorized);
  }
  request.key = std::move(*key);
  return Inner(request);
}

Reply QuotaLayer::Handle(Request& request) {
  int retry = quota_.Acquire(request.key);
  if (retry > 0) {
    stats().CountRateLimitViolation(api_.api());
    stats().Count429();
    return WithRetryAfter(api_.Error(ApiError::kRateLimited), retry);
  }
  return Inner(request);
}

Reply FaultLayer::Handle(Request& request) {
  EndpointKind kind = request.route.kind;
  const EndpointFaults& f = request.faults->For(kind);
  uint64_t seq = sequence_[static_cast<int>(kind)].fetch_add(1);
  uint64_t h = Hash(seed_, 0xfa17, static_cast<uint64_t>(kind), seq);
  double delay = f.latency.Sample(Unit(Hash(h, 1)), NormalFrom(Hash(h, 2)));
  if (delay > 0) {
    stats().CountFault("latency");
    if (!stop_.SleepFor(delay)) return Dropped(request.http);
  }
  request.fault = DrawAction(f, Unit(h));
  switch (request.fault) {
    case FaultAction::k429:
      stats().CountFault("429");
      stats().Count429();
      return WithRetryAfter(api_.Error(ApiError::kRateLimited), f.retry_after_s);
    case FaultAction::k500: stats().CountFault("500"); return api_.Error(ApiError::kInternal);
    case FaultAction::k503: stats().CountFault("503"); return api_.Error(ApiError::kUnavailable);
    case FaultAction::kReset: stats().CountFault("reset"); return Dropped(request.http);
    case FaultAction::kStall:
      stats().CountFault("stall");
      stop_.SleepFor(f.stall_s * 1000.0);
      return Dropped(request.http);
    default: break;
  }
  return Inner(request);
}

Reply CorruptionLayer::Handle(Request& request) {
  Reply reply = Inner(request);
  if (reply.dropped || reply.status != 200) return reply;
  std::string& body = reply.body;
  if (request.fault == FaultAction::kTruncate) {
    stats().CountFault("truncate");
    body.resize(body.size() / 2);
  } else if (request.fault == FaultAction::kMalformed) {
    stats().CountFault("malformed");
    if (body_ == Body::kGzip) {
      for (size_t i = body.size() / 2; i < body.size() && i < body.size() / 2 + 16; ++i) body[i] ^= 0x5a;
      if (body.size() >= 8) body[body.size() - 8] ^= 0x01;
    } else if (size_t colon = body.find(':'); colon != std::string::npos) {
      body.replace(colon, 1, " = ");
    } else {
      body.insert(0, "{\"");
    }
  }
  return reply;
}

bool HiddenIdsLayer::Hidden(Kind kind, int64_t id, Date date, double fraction) const {
  return Unit(Hash(world_.seed(), 0x404, static_cast<uint64_t>(kind), static_cast<uint64_t>(id),
                   static_cast<uint64_t>(static_cast<int64_t>(date.days)))) < fraction;
}

Reply HiddenIdsLayer::Handle(Request& request) {
  double fraction = request.faults->tmdb_not_found_fraction;
  Route& route = request.route;
  if (fraction <= 0) return Inner(request);
  if (route.kind == EndpointKind::kTmdbFind) {
    // Only a well-formed /find looks the title up (the renderer answers 400 to the rest).
    if (request.http.get_param_value("external_source") == "imdb_id") {
      const Title* t = world_.FindImdb(route.id);
      if (t != nullptr && Hidden(t->kind, t->tmdb_id, request.date, fraction)) {
        stats().CountFault("not_found");
        route.id.clear();  // finds nothing
      }
    }
    return Inner(request);
  }
  const int64_t id = ParseId(route.id).value_or(0);
  if (!Hidden(route.title_kind, id, request.date, fraction)) return Inner(request);
  if (world_.FindTmdb(route.title_kind, id) != nullptr) stats().CountFault("not_found");
  return api_.Error(ApiError::kNotFound);
}

}  // namespace cinelake::sandbox
