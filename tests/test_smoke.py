def test_home_page_lists_the_partnership(client, world):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Lommeltown" in response.content.decode()
