#!/usr/bin/env bash
# Adds a firm to an overlay: its four ingest lanes (KafkaTopic) and its Kafka user (KafkaUser firm-<firm id, lower case>).
#
# Usage: deploy/k8s/add-firm.sh OVERLAY_DIR FIRM_ID
#   e.g. deploy/k8s/add-firm.sh deploy/k8s/overlays/multi-firm F-0003
# Writes OVERLAY_DIR/firms/<FIRM_ID>.yaml from deploy/k8s/firm/firm.yaml.template and lists it in
# OVERLAY_DIR/kustomization.yaml. Apply the overlay afterwards; the User Operator then creates Secret firm-<id> with the
# firm's password and JAAS line, to hand over to the firm.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  exit 2
fi
overlay="${1%/}"
firm="$2"
template="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/firm/firm.yaml.template"

# A firm id becomes part of Kafka topic names (letters, digits, '.', '_', '-') and, lower-cased, of Kubernetes names
# (letters, digits, '-', '.'; starting and ending alphanumeric).
if [[ ! "$firm" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]{0,60}[A-Za-z0-9])?$ ]]; then
  echo "add-firm: '$firm' is not a usable firm id (letters, digits, '.', '-'; at most 62 characters)" >&2
  exit 2
fi
if [[ ! -f "$overlay/kustomization.yaml" ]]; then
  echo "add-firm: $overlay has no kustomization.yaml" >&2
  exit 2
fi
lower="$(tr '[:upper:]' '[:lower:]' <<<"$firm")"
mkdir -p "$overlay/firms"
target="$overlay/firms/$firm.yaml"
for existing in "$overlay"/firms/*.yaml; do
  [[ -e "$existing" ]] || continue
  name="$(basename "$existing" .yaml)"
  if [[ "$(tr '[:upper:]' '[:lower:]' <<<"$name")" == "$lower" ]]; then
    echo "add-firm: $existing already holds firm $name" >&2
    exit 1
  fi
done
sed -e "s/FIRM_ID/$firm/g" -e "s/firm_id/$lower/g" "$template" >"$target"
# List the file under 'resources:' (kustomize reads the list; the block is kept in this one-item-per-line form).
awk -v item="  - firms/$firm.yaml" '
  inres && !/^  - / { print item; inres = 0 }
  { print }
  /^resources:/ { inres = 1 }
  END { if (inres) print item }
' "$overlay/kustomization.yaml" >"$overlay/kustomization.yaml.new"
mv "$overlay/kustomization.yaml.new" "$overlay/kustomization.yaml"
echo "added firm $firm: $target (user firm-$lower)"
