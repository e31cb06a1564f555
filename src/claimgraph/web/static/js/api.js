// Calls to the claimgraph REST API. Errors arrive as {ok: false, code, error, hint, status}.

export class ApiError extends Error {
  constructor(body) {
    super(body.error);
    this.code = body.code;
    this.hint = body.hint;
    this.status = body.status;
  }
}

export async function api(path, { method = "GET", body } = {}) {
  const init = { method, headers: { accept: "application/json" } };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  if (!response.ok) {
    throw new ApiError(
      payload && payload.code
        ? payload
        : { code: "CG000", error: `${response.status} ${response.statusText}`, hint: null, status: response.status },
    );
  }
  return payload;
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
