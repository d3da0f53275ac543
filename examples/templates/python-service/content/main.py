from fastapi import FastAPI

app = FastAPI(title="${{ values.name }}")


@app.get("/health")
def health() -> dict[str, bool]:
    return {"ok": True}
