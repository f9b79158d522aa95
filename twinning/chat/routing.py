from django.urls import path

from twinning.chat.consumers import ChatConsumer

websocket_urlpatterns = [path("ws/chat/<slug:slug>/", ChatConsumer.as_asgi(), name="chat_socket")]
