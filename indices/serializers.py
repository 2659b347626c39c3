"""How the indices appear in the public API (cms.api registers the endpoint, indices.api)."""

from decimal import Decimal

from rest_framework import serializers


class ScoreField(serializers.Field):
    """A score as a JSON number (84.52), not DRF's default string of the decimal ("84.5200")."""

    def to_representation(self, value: Decimal | None):
        if value is None:
            return None
        normalized = value.normalize()
        return int(normalized) if normalized == normalized.to_integral_value() else float(normalized)


class PageUrlField(serializers.Field):
    """The public page of the index, as an absolute URL."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, index):
        request = self.context.get("request")
        path = index.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class SubIndexSerializer(serializers.Serializer):
    name = serializers.CharField()
    score = ScoreField()


class ResultSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    score = ScoreField()
    rank = serializers.IntegerField(allow_null=True)
    out_of = serializers.IntegerField(allow_null=True)
    source_name = serializers.CharField()
    source_url = serializers.CharField()
    note = serializers.CharField()
    is_example = serializers.BooleanField()
    sub_indices = SubIndexSerializer(many=True, source="sub_indices.all")
