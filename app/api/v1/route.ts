// The API root names no resource either: the same JSON 404 as every unknown /api/v1 path.
export { GET, POST, PATCH, PUT, DELETE } from "./[...path]/route";
