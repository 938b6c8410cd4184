# Sourced by run.sh and smoke.sh. Sets RID; publish_portal OUT builds the bench tool into OUT/artifacts and
# publishes the portal into OUT/app as the README's hosting section does: self-contained, trimmed, the framework
# and the app compiled ahead of time into one composite ReadyToRun image. Its own artifacts folder: a composite
# publish leaves files under obj/ that a later non-composite publish of the checkout would wrongly reuse.
case $(uname -m) in
    x86_64) RID=linux-x64 ;;
    aarch64) RID=linux-arm64 ;;
    *) echo "no .NET runtime identifier known for $(uname -m)" >&2; exit 1 ;;
esac

publish_portal() {
    local out=$1 root
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    dotnet build "$root/bench/SageStudy.Bench" -c Release --artifacts-path "$out/artifacts" -nologo &&
        dotnet publish "$root/src/SageStudy.Web" -c Release -r "$RID" --self-contained true -p:PublishReadyToRun=true \
            -p:PublishReadyToRunComposite=true --artifacts-path "$out/publish" -o "$out/app" -nologo
}
