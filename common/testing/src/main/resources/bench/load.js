// One k6 run of the benchmark (dev.halyard.testing.bench.Bench writes this file next to its results and runs it).
// Environment:
//   TARGET    product (GET a product) or order (POST an order)
//   MODEL     closed (VUS clients back to back: the maximum throughput) or open (RATE requests/s whatever the
//             latency: an open model, so a slow answer cannot hold back the next request and hide its delay)
//   VUS, RATE, DURATION (e.g. 15s), BASE (service URL), PRODUCTS (ids FIRST..FIRST+PRODUCTS-1), FIRST, PRICE,
//   TOKENS    customers' bearer tokens, comma-separated (order)
//   RUN       a prefix that keeps this run's idempotency keys unique
//   OUT       where handleSummary writes the figures as JSON
import http from 'k6/http';

const target = __ENV.TARGET;
const base = __ENV.BASE;
const first = parseInt(__ENV.FIRST, 10);
const count = parseInt(__ENV.PRODUCTS, 10);
const tokens = (__ENV.TOKENS || '').split(',').filter((t) => t.length > 0);

const scenario = __ENV.MODEL === 'closed'
  ? { executor: 'constant-vus', vus: parseInt(__ENV.VUS, 10), duration: __ENV.DURATION }
  : {
      executor: 'constant-arrival-rate',
      rate: parseInt(__ENV.RATE, 10),
      timeUnit: '1s',
      duration: __ENV.DURATION,
      // enough clients that a late answer never delays the schedule (k6 counts any it cannot start as dropped).
      // All made before the run: with 50, k6 set up more JavaScript clients in the middle of the 80 % runs, just
      // when the two cores were busiest, and still dropped 113-165 of their requests
      preAllocatedVUs: 300,
      maxVUs: 400,
    };

export const options = {
  scenarios: { load: scenario },
  summaryTrendStats: ['med', 'p(95)', 'p(99)', 'max'],
  discardResponseBodies: true,
  // k6 shares the two cores with the platform it measures: fewer tags on each sample and no check() (whose samples
  // only counted the expected status, which http_req_failed does too) took its CPU per order in the open model from
  // 0.36 to 0.29 ms, with the body below (by hand, 2026-11-24, 600 orders/s for 20 s, three variants interleaved)
  systemTags: ['status', 'expected_response'],
  noConnectionReuse: false,
};

// a fixed shape filled in as text: JSON.stringify of fresh objects was a tenth of k6's time per order
function line(id) {
  return `{"product_id":"${id}","product_name":"Bench ${id}","quantity":1,"price":${__ENV.PRICE}}`;
}

function product() {
  return String(first + Math.floor(Math.random() * count));
}

// anything else is a failed request (the summary's "failed")
http.setResponseCallback(http.expectedStatuses(target === 'product' ? 200 : 201));

export default function () {
  if (target === 'product') {
    const res = http.get(`${base}/products/api/v1/products/${product()}`, { tags: { name: 'product' } });
    return;
  }
  // two lines of distinct products, as most baskets have more than one
  const a = product();
  let b = product();
  while (b === a && count > 1) {
    b = product();
  }
  const body = `{"idempotency_key":"${__ENV.RUN}-${__VU}-${__ITER}","items":[${line(a)},${line(b)}]}`;
  const res = http.post(`${base}/orders/api/v1/orders`, body, {
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${tokens[__VU % tokens.length]}`,
    },
    tags: { name: 'order' },
  });
}

export function handleSummary(data) {
  const m = data.metrics;
  const d = m.http_req_duration.values;
  const failed = m.http_req_failed.values.passes;
  const figures = {
    requests: m.http_reqs.values.count,
    // requests answered with the expected status, per second: http_reqs' own rate counts failures too
    rps: (m.http_reqs.values.count - failed) / (data.state.testRunDurationMs / 1000),
    failed,
    dropped: m.dropped_iterations ? m.dropped_iterations.values.count : 0,
    p50_ms: d.med,
    p95_ms: d['p(95)'],
    p99_ms: d['p(99)'],
    max_ms: d.max,
  };
  return { [__ENV.OUT]: JSON.stringify(figures, null, 2) };
}
