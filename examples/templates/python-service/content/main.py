from fastapi import FastAPI

app = FastAPI(title="${{ values.name }}")


@app.get("/")
def index() -> dict[str, str]:
    return {"service": "${{ values.name }}"}


@app.get("/health")
def health() -> dict[str, bool]:
    return {"ok": True}
